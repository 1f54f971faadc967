/**
 * Two console processes (the production build, `npm start`'s server twice) on one PostgreSQL database,
 * called as a reverse proxy without sticky sessions would call them: every request may land on
 * either. A staff session from A works on B, an emulator token issued by A is accepted by B, and
 * an onboarding started through A is followed to Completed through B, and a fault set through A
 * applies on B at once (the emulator caches no state a request depends on). Needs TEST_POSTGRES_URL.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

async function onServer(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

const serverUrl = process.env.TEST_POSTGRES_URL;
const basePort = Number(process.env.E2E_PORT || 3100);
const ports = [basePort + 1, basePort + 2];
// What the proxy forwards: both instances see one public origin, as behind nginx.
const proxied = { "x-forwarded-host": "console.example.test", "x-forwarded-proto": "http" };
const admin = { email: "two@example.test", password: "two-instances-password" };

test.describe("two instances on one PostgreSQL database", () => {
  test.skip(!serverUrl, "TEST_POSTGRES_URL is not set: no PostgreSQL server to share");

  const database = `reuseid_two_${randomBytes(4).toString("hex")}`;
  const servers: ChildProcess[] = [];
  let a: APIRequestContext;
  let b: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await onServer(serverUrl!, `CREATE DATABASE "${database}"`);
    const url = Object.assign(new URL(serverUrl!), { pathname: `/${database}` }).toString();
    const migrated = spawnSync("node", ["scripts/migrate.mjs"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(migrated.status, migrated.stderr).toBe(0);
    const env = {
      ...process.env,
      DATABASE_URL: url,
      CONSOLE_ENCRYPTION_KEY: randomBytes(32).toString("hex"), // shared, as every instance must
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      NEXT_TELEMETRY_DISABLED: "1",
      // The requests carry a reverse proxy's X-Forwarded-Host; the console believes it only when told a proxy is there.
      TRUST_PROXY: "1",
    };
    for (const port of ports) {
      servers.push(spawn("node", ["scripts/start.mjs"], { env: { ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: "ignore", detached: true }));
    }
    [a, b] = await Promise.all(ports.map((port) => playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}`, extraHTTPHeaders: proxied })));
    for (const instance of [a, b]) {
      await expect.poll(async () => (await instance.get("/api/health/ready").catch(() => null))?.status(), { timeout: 90_000 }).toBe(200);
    }
  });

  test.afterAll(async () => {
    await Promise.all([a?.dispose(), b?.dispose()]);
    for (const server of servers) if (server.pid) process.kill(-server.pid, "SIGTERM");
    if (serverUrl) await onServer(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  test("a session, a token and a flow started on A all carry over to B", async () => {
    // Staff sign in through A (next-auth's credentials endpoint, as the sign-in form posts it).
    const csrf = (await (await a.get("/api/auth/csrf")).json()).csrfToken as string;
    const signIn = await a.post("/api/auth/callback/credentials", { form: { csrfToken: csrf, email: admin.email, password: admin.password, json: "true" }, maxRedirects: 0 });
    expect(signIn.status()).toBeLessThan(400);
    const session = (await a.storageState()).cookies.find((c) => /next-auth\.session-token$/.test(c.name));
    expect(session, "A set a session cookie").toBeTruthy();
    const cookie = { cookie: `${session!.name}=${session!.value}` };

    const onB = await b.get("/api/environments", { headers: cookie });
    expect(onB.status()).toBe(200);
    const environment = ((await onB.json()).data as { id: string; kind: string; name: string }[]).find((e) => e.name === "Local emulator")!;
    expect((await b.get("/api/environments")).status(), "B refuses without the cookie").toBe(401);

    // An emulator token issued by A is accepted by B.
    const tokenResponse = await a.post("/emulator/auth/open/connect/token", {
      form: { grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" },
    });
    expect(tokenResponse.status()).toBe(200);
    const bearer = { authorization: `Bearer ${(await tokenResponse.json()).access_token}` };
    expect((await b.get("/emulator/assure/signicatvideoid/document-types", { headers: bearer })).status()).toBe(200);

    // An onboarding started through A; the phone and the proofing reach B; B shows it Completed.
    const started = await a.post("/api/flows/onboarding", { headers: cookie, data: { environmentId: environment.id, externalRef: "two-instances", docTypes: [138], defaultId: 138 } });
    expect(started.status()).toBe(201);
    const flowId = (await started.json()).data.id as string;
    const flow = async (on: APIRequestContext) => (await (await on.get(`/api/flows/${flowId}`, { headers: cookie })).json()).data;
    const pending = await flow(b);
    expect(pending).toMatchObject({ status: "Pending", externalRef: "two-instances" });

    const activated = await b.post("/emulator/simulator/activations", { headers: bearer, data: { activationCode: pending.activationCode } });
    expect(activated.status()).toBe(200);
    const proofed = await b.post(`/emulator/simulator/proofings/${pending.processId}`, { headers: bearer, data: { outcome: "accepted", persona: "jane-smith" } });
    expect(proofed.status()).toBe(200);

    await expect.poll(async () => (await flow(b)).status, { timeout: 30_000, intervals: [500, 1000, 2000] }).toBe("Completed");
    expect((await flow(a)).status).toBe("Completed");

    // A fault set through A fails B's very next call; cleared through B, A answers again.
    const documentTypes = "/emulator/assure/signicatvideoid/document-types";
    expect((await a.put("/emulator/simulator/faults", { headers: bearer, data: { errorRate: 1, paths: ["/assure/*"] } })).status()).toBe(200);
    expect((await b.get(documentTypes, { headers: bearer })).status()).toBe(500);
    expect((await b.delete("/emulator/simulator/faults", { headers: bearer })).status()).toBe(204);
    expect((await a.get(documentTypes, { headers: bearer })).status()).toBe(200);
  });
});
