import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

describe("contentSecurityPolicy", () => {
  it("runs only scripts with this request's nonce, refuses framing, and keeps console pages to their own origin", () => {
    const csp = contentSecurityPolicy("abc123", "/flows", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("lets the virtual app reach the server of the configuration it scanned", () => {
    expect(contentSecurityPolicy("n", "/authenticator", false)).toContain("connect-src 'self' https: http:;");
  });

  it("lets only this console's own pages frame the virtual app (the presenter view's phone), and nothing else be framed", () => {
    expect(contentSecurityPolicy("n", "/authenticator", false)).toContain("frame-ancestors 'self'");
    expect(contentSecurityPolicy("n", "/demo", false)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", "/authenticatorx", false)).toContain("frame-ancestors 'none'");
  });

  it("draws a new nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
  });
});
