import { describe, expect, it } from "vitest";
import { cameOverHttps, clientAddress, trustedProxyHops } from "./proxy-trust";

describe("proxy trust", () => {
  it("reads TRUST_PROXY as a number of proxies", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "false" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
  });

  it("takes the address the outermost trusted proxy appended, never a client-written one before it", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" };
    expect(clientAddress(headers, { TRUST_PROXY: "1" })).toBe("10.0.0.2");
    expect(clientAddress(headers, { TRUST_PROXY: "2" })).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), {})).toBe("127.0.0.1");
    expect(clientAddress({}, {})).toBe("unknown");
  });

  it("sends HSTS only when https is known: NEXTAUTH_URL, or X-Forwarded-Proto from a trusted proxy", () => {
    const forwarded = new Headers({ "x-forwarded-proto": "https" });
    expect(cameOverHttps(forwarded, {})).toBe(false);
    expect(cameOverHttps(forwarded, { TRUST_PROXY: "true" })).toBe(true);
    expect(cameOverHttps(new Headers(), { NEXTAUTH_URL: "https://console.company.test" })).toBe(true);
    expect(cameOverHttps(new Headers({ "x-forwarded-proto": "http" }), { TRUST_PROXY: "1" })).toBe(false);
  });
});
