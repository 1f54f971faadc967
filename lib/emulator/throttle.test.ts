// Guessing activation codes and client secrets meets a brake per caller address and per account
// or client, counted in the database (every console process sees the same counts). Probes are
// bounded and stay on loopback: 127.0.0.x addresses are different callers to the brake.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { hashPassword } from "@/lib/crypto/password";
import { callerFor, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { deviceKey } from "@/lib/testing/emulator-device";
import { fromAddress, tokenFrom } from "@/lib/testing/from-address";
import { createEmulatorClient } from "./admin";
import { ensureEmulatorAccount, ensureEmulatorClient } from "./bootstrap";
import { configureBrakeDelay, configureThrottle } from "./throttle";

let server: EmulatorServer;
// Windows far longer than a test run, so no test straddles a window's end.
const LONG = 10 * 365 * 86_400_000;

beforeAll(async () => {
  ({ server } = await startEmulatorWithDefaults());
  configureThrottle("activation", { perAddress: 4, perSubject: 6, windowMs: LONG });
  configureThrottle("token", { perAddress: 4, perSubject: 6, windowMs: LONG });
  configureBrakeDelay(20);
});
afterAll(() => server.close());

/** Each test its own account, so one test's wrong codes do not count in another's. */
async function freshAccount(id: string): Promise<{ caller: EmulatorCaller; applicationId: string; code: string }> {
  const account = await ensureEmulatorAccount({ id, name: id });
  await ensureEmulatorClient({ clientId: `${id}-client`, clientSecret: `${id}-secret`, accountId: id });
  const caller = await callerFor(server, id, `${id}-client`, `${id}-secret`);
  const res = await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } });
  return { caller, applicationId: account.applicationId, code: res.body.data.activationCode as string };
}

const simulate = (caller: EmulatorCaller, from: string, activationCode: string) =>
  fromAddress(from, "POST", `${server.baseUrl}/simulator/activations`, {
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${caller.token}` },
    body: JSON.stringify({ activationCode }),
  });

const wrong = (code: string) => String((Number(code) + 1) % 10 ** 10).padStart(10, "0");

describe("activation codes", () => {
  it("answers 429 with Retry-After past the bound per address; the address's right code waits too, another address's works", async () => {
    const { caller, code } = await freshAccount("per-address");
    for (let i = 0; i < 4; i++) expect((await simulate(caller, "127.0.0.2", wrong(code))).status).toBe(404);
    const limited = await simulate(caller, "127.0.0.2", wrong(code));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: "rate_limited", status: 429, traceId: limited.headers.get("x-trace-id") });
    expect((await simulate(caller, "127.0.0.2", code)).status).toBe(429);
    const holder = await simulate(caller, "127.0.0.3", code);
    expect(holder.status).toBe(200);
    expect(holder.body.deviceId).toEqual(expect.any(String));
  });

  it("counts wrong codes per account across addresses; past that bound an address that failed waits, a fresh one with the right code gets in", async () => {
    const { caller, code } = await freshAccount("per-account");
    for (const from of ["127.0.0.4", "127.0.0.5", "127.0.0.6"]) {
      expect((await simulate(caller, from, wrong(code))).status).toBe(404);
      expect((await simulate(caller, from, wrong(wrong(code)))).status).toBe(404);
    }
    // Six wrong codes for the account: an address with one failure of its own is now refused.
    const again = await simulate(caller, "127.0.0.4", code);
    expect(again.status).toBe(429);
    expect((await simulate(caller, "127.0.0.7", code)).status).toBe(200);
  });

  it("parallel guesses cannot overshoot the bound: each reserves its place first", async () => {
    const { caller, code } = await freshAccount("parallel");
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => simulate(caller, "127.0.0.8", String(1_000_000_000 + i))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 404)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    expect((await simulate(caller, "127.0.0.9", code)).status).toBe(200);
  });

  it("brakes the app side (the virtual app's activation) the same way, in the database", async () => {
    const { applicationId } = await freshAccount("app-side");
    const key = await deviceKey();
    const activate = async (activationCode: string) =>
      fromAddress("127.0.0.10", "POST", `${server.baseUrl}/encore/encap/activations`, {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          applicationId,
          activationCode,
          deviceName: "Guesser",
          platform: "WEB",
          appVersion: "1",
          publicKey: key.publicKey,
          signature: await key.sign(`activate:${activationCode}`),
        }),
      });
    for (let i = 0; i < 4; i++) expect((await activate(String(2_000_000_000 + i))).status).toBe(404);
    const limited = await activate("2000000009");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    const rows = await db.emuRateCounter.findMany({ where: { key: { startsWith: "activation:address:127.0.0.10:" } } });
    expect(rows.map((r) => r.count)).toEqual([5]);
  });
});

describe("client secrets at the token endpoint", () => {
  it("stores a new client's secret as an HMAC under the server key, never scrypt", async () => {
    const { client, clientSecret } = await createEmulatorClient({ name: "hmac", newAccountName: "HMAC account" });
    const row = await db.emuClient.findUniqueOrThrow({ where: { id: client.clientId } });
    expect(row.secretHash).toMatch(/^hmac-sha256\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.secretHash).not.toContain(clientSecret);
    expect((await tokenFrom("127.0.0.20", server.baseUrl, client.clientId, clientSecret)).status).toBe(200);
  });

  it("still accepts a secret stored by scrypt before, and re-stores it as HMAC on that first right use", async () => {
    const { client } = await createEmulatorClient({ name: "legacy", newAccountName: "Legacy account" });
    await db.emuClient.update({ where: { id: client.clientId }, data: { secretHash: await hashPassword("legacy-secret-1234") } });
    expect((await tokenFrom("127.0.0.21", server.baseUrl, client.clientId, "not-the-secret")).status).toBe(401);
    expect((await db.emuClient.findUniqueOrThrow({ where: { id: client.clientId } })).secretHash).toMatch(/^scrypt\$/);
    expect((await tokenFrom("127.0.0.21", server.baseUrl, client.clientId, "legacy-secret-1234")).status).toBe(200);
    expect((await db.emuClient.findUniqueOrThrow({ where: { id: client.clientId } })).secretHash).toMatch(/^hmac-sha256\$/);
    expect((await tokenFrom("127.0.0.21", server.baseUrl, client.clientId, "legacy-secret-1234")).status).toBe(200);
  });

  it("answers 429 with Retry-After in the OAuth shape past the bound per address; the client's holder elsewhere still gets a token", async () => {
    const { client, clientSecret } = await createEmulatorClient({ name: "flooded", newAccountName: "Flooded account" });
    for (let i = 0; i < 4; i++) expect((await tokenFrom("127.0.0.22", server.baseUrl, client.clientId, `wrong-${i}`)).status).toBe(401);
    const limited = await tokenFrom("127.0.0.22", server.baseUrl, client.clientId, "wrong-again");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toEqual({ error: "rate_limited", error_description: expect.stringContaining("try again") });
    // A braked caller waits for its answer: a guessing loop slows to about one request per delay.
    configureBrakeDelay(400);
    const started = performance.now();
    expect((await tokenFrom("127.0.0.22", server.baseUrl, client.clientId, "wrong-once-more")).status).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
    configureBrakeDelay(20);
    expect((await tokenFrom("127.0.0.22", server.baseUrl, client.clientId, clientSecret)).status).toBe(429);
    expect((await tokenFrom("127.0.0.23", server.baseUrl, client.clientId, clientSecret)).status).toBe(200);
  });

  it("counts failures per client id across addresses: an address that failed is refused, a fresh one is not", async () => {
    const { client, clientSecret } = await createEmulatorClient({ name: "spread", newAccountName: "Spread account" });
    for (const from of ["127.0.0.24", "127.0.0.25", "127.0.0.26"]) {
      for (let i = 0; i < 2; i++) expect((await tokenFrom(from, server.baseUrl, client.clientId, `wrong-${i}`)).status).toBe(401);
    }
    expect((await tokenFrom("127.0.0.24", server.baseUrl, client.clientId, clientSecret)).status).toBe(429);
    expect((await tokenFrom("127.0.0.27", server.baseUrl, client.clientId, clientSecret)).status).toBe(200);
  });

  it("does not believe X-Forwarded-For for the brake without TRUST_PROXY: a forged header does not make a new caller", async () => {
    for (let i = 0; i < 4; i++) await tokenFrom("127.0.0.28", server.baseUrl, "nobody", "wrong", { "X-Forwarded-For": `198.51.100.${i}` });
    expect((await tokenFrom("127.0.0.28", server.baseUrl, "nobody", "wrong", { "X-Forwarded-For": "198.51.100.99" })).status).toBe(429);
  });
});
