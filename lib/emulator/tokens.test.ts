import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { db } from "@/lib/data/db";
import { answer, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { ensureEmulatorDefaults } from "./bootstrap";
import { issueAccessToken } from "./tokens";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function tokenRequest(body: URLSearchParams, headers: Record<string, string> = {}) {
  return answer(
    await fetch(`${server.baseUrl}/auth/open/connect/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body,
    }),
  );
}

const TRACE = /^[0-9a-f]{32}$/;

describe("token endpoint", () => {
  it("issues a bearer token for client id and secret as form fields", async () => {
    const res = await tokenRequest(form({ grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-trace-id")).toMatch(TRACE);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 600, scope: "signicat-api" });
    expect(res.body.access_token.split(".")).toHaveLength(3);
  });

  it("accepts HTTP Basic client authentication", async () => {
    const basic = Buffer.from("emulator-client:emulator-secret").toString("base64");
    const res = await tokenRequest(form({ grant_type: "client_credentials", scope: "signicat-api" }), { Authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe("Bearer");
  });

  it("refuses a wrong secret and an unknown client with 401 invalid_client", async () => {
    for (const [id, secret] of [
      ["emulator-client", "wrong"],
      ["nobody", "emulator-secret"],
    ]) {
      const res = await tokenRequest(form({ grant_type: "client_credentials", scope: "signicat-api", client_id: id, client_secret: secret }));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: "invalid_client", error_description: expect.any(String) });
    }
  });

  it("refuses another grant type, another scope and a missing grant", async () => {
    const creds = { client_id: "emulator-client", client_secret: "emulator-secret" };
    const grant = await tokenRequest(form({ grant_type: "password", scope: "signicat-api", ...creds }));
    expect([grant.status, grant.body.error]).toEqual([400, "unsupported_grant_type"]);
    const scope = await tokenRequest(form({ grant_type: "client_credentials", scope: "openid admin", ...creds }));
    expect([scope.status, scope.body.error]).toEqual([400, "invalid_scope"]);
    const missing = await tokenRequest(form({ scope: "signicat-api", ...creds }));
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
  });

  it("uses the client's configured lifetime", async () => {
    await db.emuClient.update({ where: { id: "emulator-client" }, data: { tokenLifetimeSeconds: 120 } });
    try {
      const res = await tokenRequest(form({ grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" }));
      expect(res.body.expires_in).toBe(120);
    } finally {
      await db.emuClient.update({ where: { id: "emulator-client" }, data: { tokenLifetimeSeconds: 600 } });
    }
  });

  it("follows a changed secret after bootstrap runs again", async () => {
    await ensureEmulatorDefaults({ clientId: "emulator-client", clientSecret: "rotated-secret" });
    try {
      const old = await tokenRequest(form({ grant_type: "client_credentials", client_id: "emulator-client", client_secret: "emulator-secret" }));
      expect(old.status).toBe(401);
      const fresh = await tokenRequest(form({ grant_type: "client_credentials", client_id: "emulator-client", client_secret: "rotated-secret" }));
      expect(fresh.status).toBe(200);
    } finally {
      await ensureEmulatorDefaults({ clientId: "emulator-client", clientSecret: "emulator-secret" });
    }
  });
});

describe("discovery and JWKS", () => {
  it("publishes the key that verifies issued tokens", async () => {
    const discovery = await answer(await fetch(`${server.baseUrl}/auth/open/.well-known/openid-configuration`));
    expect(discovery.status).toBe(200);
    expect(discovery.body.issuer).toBe(`${server.baseUrl}/auth/open`);
    expect(discovery.body.token_endpoint).toBe(`${server.baseUrl}/auth/open/connect/token`);
    const keys = await answer<{ keys: (JsonWebKey & { kid: string })[] }>(await fetch(discovery.body.jwks_uri));
    expect(keys.status).toBe(200);

    const [header, claims, signature] = caller.token.split(".");
    const { kid, alg } = JSON.parse(Buffer.from(header, "base64url").toString());
    expect(alg).toBe("ES256");
    const jwk = keys.body.keys.find((k) => k.kid === kid);
    expect(jwk).toBeDefined();
    const ok = verify("sha256", Buffer.from(`${header}.${claims}`), { key: createPublicKey({ key: jwk!, format: "jwk" }), dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
    expect(ok).toBe(true);
    const payload = JSON.parse(Buffer.from(claims, "base64url").toString());
    expect(payload).toMatchObject({ iss: discovery.body.issuer, account_id: "emulator-default", client_id: "emulator-client", scope: "signicat-api" });
    expect(payload.exp - payload.iat).toBe(600);
  });
});

describe("bearer tokens on API calls", () => {
  const path = "/mobileid/core/users/nobody";

  async function expectInvalidToken(token: string | null) {
    const res = await caller.call("GET", path, { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "invalid_token", status: 401, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    expect(res.body.traceId).toBe(res.headers.get("x-trace-id"));
    expect(res.body.traceId).toMatch(TRACE);
  }

  it("refuses a missing, garbled or tampered token", async () => {
    await expectInvalidToken(null);
    await expectInvalidToken("not-a-jwt");
    await expectInvalidToken("a.b.c");
    const [h, c, s] = caller.token.split(".");
    const claims = JSON.parse(Buffer.from(c, "base64url").toString());
    claims.account_id = "someone-else";
    await expectInvalidToken(`${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`);
  });

  it("refuses an expired token and one from another issuer", async () => {
    const expired = await issueAccessToken({ issuer: `${server.baseUrl}/auth/open`, clientId: "emulator-client", accountId: "emulator-default", lifetimeSeconds: -5 });
    await expectInvalidToken(expired);
    const foreign = await issueAccessToken({ issuer: "https://elsewhere.example/emulator/auth/open", clientId: "emulator-client", accountId: "emulator-default", lifetimeSeconds: 60 });
    await expectInvalidToken(foreign);
  });

  it("stops accepting a token that was verified (and remembered) once its lifetime is over", async () => {
    // Two seconds, not one: claims are whole seconds, so a 1 s token issued late in a second is valid for only a few ms.
    const shortLived = await issueAccessToken({ issuer: `${server.baseUrl}/auth/open`, clientId: "emulator-client", accountId: "emulator-default", lifetimeSeconds: 2 });
    const call = () => fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${shortLived}` } });
    expect((await call()).status).toBe(404); // accepted: the user does not exist
    const { exp } = decodeJwt(shortLived);
    await new Promise((resolve) => setTimeout(resolve, exp! * 1000 - Date.now() + 100));
    const refused = await answer(await call());
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: "invalid_token", detail: "The access token has expired." });
  });

  it("accepts a good token, and refuses naming another account with signicat-accountid", async () => {
    const ok = await caller.call("GET", path);
    expect(ok.status).toBe(404); // authenticated; the user does not exist
    const same = await caller.call("GET", `${path}?signicat-accountid=emulator-default`);
    expect(same.status).toBe(404);
    const other = await caller.call("GET", `${path}?signicat-accountid=a-different-account`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("forbidden");
    const viaHeader = await caller.call("GET", path, { headers: { "signicat-accountid": "a-different-account" } });
    expect(viaHeader.status).toBe(403);
    // Signicat's .NET SDK spells the parameter signicat-accountId: any spelling of the name counts
    for (const name of ["signicat-accountId", "Signicat-AccountID"]) {
      const sdk = await caller.call("GET", `${path}?${name}=a-different-account`);
      expect(sdk.status).toBe(403);
      expect((await caller.call("GET", `${path}?${name}=emulator-default`)).status).toBe(404);
    }
  });

  it("answers an unknown route with 404 not_found and a trace id", async () => {
    const res = await caller.call("GET", "/no/such/thing");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
    expect(res.body.traceId).toBe(res.headers.get("x-trace-id"));
  });
});

describe("bootstrap", () => {
  it("is idempotent when called concurrently", async () => {
    const results = await Promise.all([1, 2, 3].map(() => ensureEmulatorDefaults({ clientId: "emulator-client", clientSecret: "emulator-secret" })));
    expect(new Set(results.map((r) => r.applicationId)).size).toBe(1);
    expect(results[0].accountId).toBe("emulator-default");
    expect(Buffer.from(results[0].appPublicKey, "base64").length).toBeGreaterThan(60);
    expect(await db.emuAccount.count({ where: { id: "emulator-default" } })).toBe(1);
  });
});
