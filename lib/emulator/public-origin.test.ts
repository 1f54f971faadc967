// The emulator's public address (issue 9, item 12): from the configuration, port included, and
// from a proxy's forwarded headers only under TRUST_PROXY — checked on the discovery document
// and a token's iss, as a caller behind nginx on a non-default port gets them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { publicOrigin } from "./context";
import { ensureEmulatorDefaults } from "./bootstrap";
import { handleEmulatorRequest } from "./router";

// What nginx with `proxy_set_header Host $host` sends for https://console.example.test:8443/…
const behindNginx = (path: string, init: RequestInit = {}) =>
  new Request(`http://127.0.0.1:3000/emulator${path}`, {
    ...init,
    headers: { host: "console.example.test", "x-forwarded-host": "console.example.test", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.5", ...(init.headers as Record<string, string>) },
  });

afterEach(() => vi.unstubAllEnvs());

describe("publicOrigin", () => {
  it("takes NEXTAUTH_URL's origin, port included, over any header", () => {
    const request = behindNginx("/auth/open/.well-known/openid-configuration", { headers: { "x-forwarded-host": "evil.example" } });
    expect(publicOrigin(request, { NEXTAUTH_URL: "https://console.example.test:8443/", TRUST_PROXY: "1" })).toBe("https://console.example.test:8443");
  });

  it("believes X-Forwarded-Host and -Proto only under TRUST_PROXY", () => {
    const forged = new Request("http://127.0.0.1:3000/emulator/x", { headers: { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    expect(publicOrigin(forged, {})).toBe("http://127.0.0.1:3000");
    expect(publicOrigin(forged, { TRUST_PROXY: "1" })).toBe("https://evil.example");
  });
});

describe("the emulator behind a proxy on a non-default port", () => {
  it("names the configured URL in discovery, the token URL, the JWKS URL and the token's iss", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://console.example.test:8443");
    vi.stubEnv("TRUST_PROXY", "1");
    await ensureEmulatorDefaults({ clientId: "origin-client", clientSecret: "origin-client-secret-1" }); // not the documented default secret
    const discovery = await (await handleEmulatorRequest(behindNginx("/auth/open/.well-known/openid-configuration"))).json();
    expect(discovery).toMatchObject({
      issuer: "https://console.example.test:8443/emulator/auth/open",
      token_endpoint: expect.stringMatching(/^https:\/\/console\.example\.test:8443\/emulator\/auth\/open\//),
      jwks_uri: expect.stringMatching(/^https:\/\/console\.example\.test:8443\/emulator\/auth\/open\//),
    });
    const token = await handleEmulatorRequest(
      behindNginx("/auth/open/connect/token", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: "origin-client", client_secret: "origin-client-secret-1" }).toString(),
      }),
    );
    const accessToken = (await token.json()).access_token as string | undefined;
    expect(token.status).toBe(200);
    const claims = JSON.parse(Buffer.from(accessToken!.split(".")[1], "base64url").toString());
    expect(claims.iss).toBe("https://console.example.test:8443/emulator/auth/open");
  });
});
