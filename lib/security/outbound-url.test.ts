import { afterEach, describe, expect, it, vi } from "vitest";
import { blockedHostReason } from "./blocked-hosts";
import { assertOutboundAllowed, clearOutboundCache, guardedFetch } from "./outbound-url";

afterEach(() => {
  clearOutboundCache();
  vi.unstubAllEnvs();
});

describe("blockedHostReason", () => {
  it("refuses link-local and cloud metadata hosts as written", () => {
    expect(blockedHostReason("169.254.169.254")).toMatch(/cloud metadata/);
    expect(blockedHostReason("169.254.10.1")).toMatch(/link-local/);
    expect(blockedHostReason("[fe80::1]")).toMatch(/link-local/);
    expect(blockedHostReason("[fd00:ec2::254]")).toMatch(/cloud metadata/);
    expect(blockedHostReason("100.100.100.200")).toMatch(/cloud metadata/);
    expect(blockedHostReason("metadata.google.internal.")).toMatch(/cloud metadata/);
  });

  it("allows loopback, private networks and ordinary names (the emulator and local testing)", () => {
    for (const host of ["127.0.0.1", "[::1]", "localhost", "10.1.2.3", "192.168.1.5", "api.signicat.com"]) expect(blockedHostReason(host)).toBeNull();
  });
});

describe("assertOutboundAllowed", () => {
  const resolvingTo = (address: string) => vi.fn(async () => [{ address, family: address.includes(":") ? 6 : 4 }]) as never;

  it("refuses a harmless name that resolves to a metadata address, and caches the answer per host", async () => {
    const resolve = resolvingTo("169.254.169.254");
    await expect(assertOutboundAllowed("https://innocent.example/x", resolve)).rejects.toThrow(/innocent\.example resolves to 169\.254\.169\.254, a cloud metadata address/);
    await expect(assertOutboundAllowed("https://innocent.example/y", resolve)).rejects.toThrow();
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("lets a name that resolves to an ordinary address through, and leaves unknown hosts to the call", async () => {
    await expect(assertOutboundAllowed("https://api.example/x", resolvingTo("93.184.216.34"))).resolves.toBeUndefined();
    const failing = vi.fn(async () => Promise.reject(new Error("ENOTFOUND"))) as never;
    await expect(assertOutboundAllowed("https://nowhere.example/x", failing)).resolves.toBeUndefined();
  });

  it("the guarded fetch refuses the switched-off emulator and metadata URLs before calling", async () => {
    const inner = vi.fn(async () => new Response("ok"));
    await expect(guardedFetch("external", inner)("http://169.254.169.254/latest/meta-data")).rejects.toThrow(/cloud metadata/);
    vi.stubEnv("EMULATOR_ENABLED", "false");
    await expect(guardedFetch("embedded", inner)("http://127.0.0.1:3000/emulator/x")).rejects.toThrow(/switched off/);
    vi.stubEnv("EMULATOR_ENABLED", "true");
    await expect(guardedFetch("embedded", inner)("http://127.0.0.1:3000/emulator/x")).resolves.toBeInstanceOf(Response);
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
