import { describe, expect, it } from "vitest";
import { crossSiteReason, hasSessionCookie, isGuardedApiRequest } from "./cross-site";

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: "console.example:3000", ...headers }) });

describe("crossSiteReason", () => {
  it("lets same-origin requests and requests without Origin (scripts) through", () => {
    expect(crossSiteReason(req("POST", { origin: "http://console.example:3000", "sec-fetch-site": "same-origin" }), {})).toBeNull();
    expect(crossSiteReason(req("DELETE", {}), {})).toBeNull();
  });

  it("refuses another site's Origin, a null Origin and Sec-Fetch-Site: cross-site", () => {
    expect(crossSiteReason(req("POST", { origin: "https://evil.example" }), {})).toBe("Origin https://evil.example");
    expect(crossSiteReason(req("PATCH", { origin: "null" }), {})).toMatch(/^Origin null/);
    expect(crossSiteReason(req("PUT", { "sec-fetch-site": "cross-site" }), {})).toBe("Sec-Fetch-Site: cross-site");
    expect(crossSiteReason(req("POST", { origin: "http://console.example:3001" }), {})).not.toBeNull();
  });

  it("never refuses reads", () => {
    expect(crossSiteReason(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), {})).toBeNull();
  });

  it("accepts NEXTAUTH_URL's host, and X-Forwarded-Host only behind a trusted proxy", () => {
    expect(crossSiteReason(req("POST", { origin: "https://console.company.test" }), { NEXTAUTH_URL: "https://console.company.test" })).toBeNull();
    const viaProxy = req("POST", { origin: "https://public.test", "x-forwarded-host": "public.test" });
    expect(crossSiteReason(viaProxy, {})).not.toBeNull();
    expect(crossSiteReason(viaProxy, { TRUST_PROXY: "1" })).toBeNull();
  });
});

describe("isGuardedApiRequest", () => {
  it("covers state-changing /api calls but not next-auth's, the emulator's or reads", () => {
    expect(isGuardedApiRequest("POST", "/api/environments")).toBe(true);
    expect(isGuardedApiRequest("POST", "/api/auth/callback/credentials")).toBe(false);
    expect(isGuardedApiRequest("POST", "/emulator/reuseid/id-onboardings")).toBe(false);
    expect(isGuardedApiRequest("GET", "/api/environments")).toBe(false);
  });
});

describe("hasSessionCookie", () => {
  it("knows next-auth's session cookie over http and https", () => {
    expect(hasSessionCookie(["next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["other", "__Secure-next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["next-auth.csrf-token", "next-auth.callback-url"])).toBe(false);
  });
});
