import { describe, expect, it } from "vitest";
import { addressInRanges, cameOverHttps, clientAddress, PEER_ADDRESS_HEADER, requestHost, trustedProxyHops, validTrustProxy, untrustedForwardingReplaced } from "./proxy-trust";

const peer = (address: string, xff?: string) => ({ [PEER_ADDRESS_HEADER]: address, ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("proxy trust", () => {
  it("reads TRUST_PROXY as a number of proxies or a list of their addresses", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "false" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
    for (const good of ["true", "0", "2", "10.0.0.1", "10.0.0.0/8, 127.0.0.1", "fd00::/8", "::1"]) expect(validTrustProxy(good), good).toBe(true);
    for (const bad of ["sometimes", "10.0.0.0/33", "10.0.0", "12"]) expect(validTrustProxy(bad), bad).toBe(false);
  });

  it("without TRUST_PROXY takes the socket's address and ignores a forged X-Forwarded-For", () => {
    expect(clientAddress(peer("198.51.100.4", "6.6.6.6"), {})).toBe("198.51.100.4");
    expect(clientAddress(peer("::ffff:127.0.0.1"), {})).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6" }, {})).toBe("unknown");
  });

  it("with a number of proxies reads X-Forwarded-For from the right, never a client-written entry before it", () => {
    const headers = peer("10.0.0.2", "6.6.6.6, 203.0.113.7");
    expect(clientAddress(headers, { TRUST_PROXY: "1" })).toBe("203.0.113.7");
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.3"), { TRUST_PROXY: "2" })).toBe("203.0.113.7");
    expect(clientAddress(peer("10.0.0.2"), { TRUST_PROXY: "1" })).toBe("10.0.0.2");
  });

  it("with proxy addresses skips only trusted hops from the right", () => {
    const env = { TRUST_PROXY: "10.0.0.0/8,fd00::/8" };
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.1.2.3"), env)).toBe("203.0.113.7");
    expect(clientAddress(peer("198.51.100.9", "6.6.6.6"), env)).toBe("198.51.100.9"); // not a proxy: its header is not believed
    expect(clientAddress(peer("fd00::1", "2001:db8::5"), env)).toBe("2001:db8::5");
    expect(addressInRanges("::ffff:10.2.3.4", ["10.0.0.0/8"])).toBe(true);
    expect(addressInRanges("2001:db8::1", ["2001:db8::/32"])).toBe(true);
    expect(addressInRanges("2001:db9::1", ["2001:db8::/32"])).toBe(false);
  });

  it("believes X-Forwarded-Host and -Proto only under TRUST_PROXY", () => {
    const forwarded = new Headers({ "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", host: "console.test:8443" });
    expect(cameOverHttps(forwarded, {})).toBe(false);
    expect(cameOverHttps(forwarded, { TRUST_PROXY: "true" })).toBe(true);
    expect(cameOverHttps(new Headers(), { NEXTAUTH_URL: "https://console.company.test" })).toBe(true);
    expect(cameOverHttps(new Headers({ "x-forwarded-proto": "http" }), { TRUST_PROXY: "1" })).toBe(false);
    expect(requestHost(forwarded, {})).toBe("console.test:8443");
    expect(requestHost(forwarded, { TRUST_PROXY: "1" })).toBe("evil.example");
  });
});

describe("untrustedForwardingReplaced", () => {
  it("replaces a client's X-Forwarded-Host and -Proto for next-auth unless a proxy is trusted", () => {
    const headers = new Headers({ host: "console.test:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    const cleaned = untrustedForwardingReplaced(headers, {})!;
    expect(cleaned.get("x-forwarded-host")).toBe("console.test:3000");
    expect(cleaned.get("x-forwarded-proto")).toBe("http");
    expect(untrustedForwardingReplaced(headers, { TRUST_PROXY: "1" })).toBeNull();
  });
});
