// The emulator as a production server answers malformed input: a path whose percent-encoding is
// broken reaches no handler (Next.js cannot decode it), yet the caller gets the contract's 400
// with the security headers, not a framework error page.
import { expect, test } from "@playwright/test";

test("malformed percent-encoding in emulator paths is a 400 in the contract's shape, with the security headers", async ({ request }) => {
  for (const [path, shape] of [
    ["/emulator/reuseid/id-onboardings/%FF", "product"],
    ["/emulator/mobileid/core/users/%E0%A4%A", "product"],
    ["/emulator/assure/dossiers/%ED%A0%80", "assure"],
    ["/emulator/%C0", "product"],
  ] as const) {
    const response = await request.get(path);
    expect([path, response.status()]).toEqual([path, 400]);
    const headers = response.headers();
    expect(headers["content-type"]).toContain("application/json");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const body = await response.json();
    expect(body.traceId).toBe(headers["x-trace-id"]);
    if (shape === "assure") expect(body).toMatchObject({ status: 400, type: "base:client-problem" });
    else expect(body).toMatchObject({ status: 400, code: "invalid_request_parameter", invalidParams: [{ name: "path", reason: "has malformed percent-encoding" }] });
  }
});

test("a NUL in an emulator body is a 400 naming the field, and a webhook to loopback is refused unless allowed", async ({ request }) => {
  const token = (
    await (
      await request.post("/emulator/auth/open/connect/token", { form: { grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" } })
    ).json()
  ).access_token;
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const nul = await request.post("/emulator/mobileid/core/users", { headers, data: '{"externalRef":"e2e\\u0000nul"}' });
  expect(nul.status()).toBe(400);
  expect((await nul.json()).invalidParams).toEqual([{ name: "externalRef", reason: "must not contain NUL characters" }]);
  const invalid = await request.post("/emulator/events/subscriptions", { headers, data: { url: "http://exa mple.com/", events: ["*"] } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).invalidParams[0].name).toBe("url");
  // The e2e server sets EMULATOR_WEBHOOKS_ALLOW_PRIVATE=true (its webhook tests listen on loopback), but metadata stays refused.
  const metadata = await request.post("/emulator/events/subscriptions", { headers, data: { url: "http://[::169.254.169.254]/latest", events: ["*"] } });
  expect(metadata.status()).toBe(400);
  expect((await metadata.json()).invalidParams[0].reason).toContain("169.254.169.254 is a cloud metadata address");
});
