import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/api-error";
import { environmentInput } from "./schema";

const valid = { name: "Sandbox", kind: "sandbox", baseUrl: "https://api.signicat.com/", clientId: "c", clientSecret: "s" };
const baseUrlError = (baseUrl: string) => {
  const result = environmentInput.safeParse({ ...valid, baseUrl });
  return result.success ? undefined : fieldErrors(result.error).baseUrl;
};

describe("environment base URL", () => {
  it("requires https for Signicat and its subdomains", () => {
    expect(baseUrlError("http://api.signicat.com")).toBe("Signicat is only reached over https.");
    expect(baseUrlError("http://preprod.api.signicat.com")).toBe("Signicat is only reached over https.");
    expect(baseUrlError("https://api.signicat.com")).toBeUndefined();
  });

  it("refuses link-local and cloud metadata addresses with a field error", () => {
    expect(baseUrlError("http://169.254.169.254/latest")).toBe("The console does not call this address: 169.254.169.254 is a cloud metadata address.");
    expect(baseUrlError("http://[fe80::1]:8080")).toMatch(/link-local/);
    expect(baseUrlError("http://metadata.google.internal")).toMatch(/cloud metadata host/);
  });

  it("allows loopback and private addresses (local emulators)", () => {
    expect(baseUrlError("http://127.0.0.1:3000/emulator")).toBeUndefined();
    expect(baseUrlError("http://192.168.1.20:3000/emulator")).toBeUndefined();
  });
});
