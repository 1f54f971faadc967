// The emulator admin handlers on a real SQLite database, with the emulator served over real HTTP:
// what the console changes is what an integration calling the emulator sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import { emulatorClient } from "@/lib/config";
import { DEFAULT_ACCOUNT_ID } from "@/lib/emulator/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as accounts from "./accounts/route";
import * as clients from "./clients/route";
import * as revoke from "./clients/[clientId]/revoke/route";
import * as subscriptions from "./accounts/[accountId]/subscriptions/route";
import * as subscription from "./accounts/[accountId]/subscriptions/[subscriptionId]/route";
import * as deliveries from "./accounts/[accountId]/deliveries/route";
import * as faults from "./accounts/[accountId]/faults/route";
import * as expire from "./accounts/[accountId]/expire/route";
import * as reset from "./accounts/[accountId]/reset/route";

let server: EmulatorServer;
let admin: StaffSession;
let tester: StaffSession;
let viewer: StaffSession;

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  [admin, tester, viewer] = await Promise.all([staffWithRole("admin"), staffWithRole("tester"), staffWithRole("viewer")]);
});
afterAll(() => server.close());

async function token(clientId: string, clientSecret: string) {
  const response = await fetch(`${server.baseUrl}/auth/open/connect/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials&scope=signicat-api",
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
}

async function startOnboarding(accessToken: string) {
  const response = await fetch(`${server.baseUrl}/reuseid/id-onboardings`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ input: {} }),
  });
  return { status: response.status, body: await response.json() };
}

const accountParams = (accountId = DEFAULT_ACCOUNT_ID) => routeParams({ accountId });

describe("emulator clients", () => {
  it("creates a client whose secret is shown once, works at the token endpoint, and stops working when revoked", async () => {
    const created = await json(
      await clients.POST(await apiRequest("/api/emulator-admin/clients", { json: { name: "Checkout tests", newAccountName: "Shop", tokenLifetimeSeconds: "120" }, staff: admin })),
    );
    expect(created.status).toBe(201);
    const { client, clientSecret } = created.body.data;
    expect(client).toMatchObject({ name: "Checkout tests", accountName: "Shop", tokenLifetimeSeconds: 120, revokedAt: null, usedByConsole: false });
    expect(clientSecret).toMatch(/^[\w-]{20,}$/);

    const listed = await (await clients.GET(await apiRequest("/api/emulator-admin/clients", { staff: viewer }))).text();
    expect(listed).toContain(client.clientId);
    expect(listed).not.toContain(clientSecret);
    const accountList = await json(await accounts.GET(await apiRequest("/api/emulator-admin/accounts", { staff: viewer })));
    expect(accountList.body.data.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(["Local emulator", "Shop"]));

    const issued = await token(client.clientId, clientSecret);
    expect(issued.status).toBe(200);
    expect(issued.body.access_token).toBeTruthy();

    const revoked = await json(
      await revoke.POST(await apiRequest(`/api/emulator-admin/clients/${client.clientId}/revoke`, { method: "POST", staff: admin }), routeParams({ clientId: client.clientId })),
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedAt).toBeTruthy();
    const refused = await token(client.clientId, clientSecret);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("invalid_client");
    expect((await startOnboarding(issued.body.access_token!)).status).toBe(401);

    const audit = await db.auditEntry.findMany({ where: { actorId: admin.id, action: { startsWith: "emulator.client." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.outcome, a.target])).toEqual([
      ["emulator.client.create", "ok", client.clientId],
      ["emulator.client.revoke", "ok", client.clientId],
    ]);
    expect(JSON.stringify(audit)).not.toContain(clientSecret);
  });

  it("gives field-level errors and refuses a tester", async () => {
    const bad = await json(await clients.POST(await apiRequest("/api/emulator-admin/clients", { json: { name: " ", tokenLifetimeSeconds: 0 }, staff: admin })));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["name", "newAccountName", "tokenLifetimeSeconds"]);
    const unknownAccount = await json(
      await clients.POST(await apiRequest("/api/emulator-admin/clients", { json: { name: "x", accountId: "no-such-account", tokenLifetimeSeconds: 60 }, staff: admin })),
    );
    expect(unknownAccount.status).toBe(400);
    expect(unknownAccount.body.error.fields.accountId).toMatch(/no such/);
    const refused = await clients.POST(await apiRequest("/api/emulator-admin/clients", { json: { name: "x", accountId: DEFAULT_ACCOUNT_ID, tokenLifetimeSeconds: 60 }, staff: tester }));
    expect(refused.status).toBe(403);
  });

  it("will not revoke the client the console itself uses", async () => {
    const { clientId, clientSecret } = emulatorClient();
    const refused = await json(await revoke.POST(await apiRequest(`/api/emulator-admin/clients/${clientId}/revoke`, { method: "POST", staff: admin }), routeParams({ clientId })));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("console_client");
    expect((await token(clientId, clientSecret)).status).toBe(200);
    const listed = await json(await clients.GET(await apiRequest("/api/emulator-admin/clients", { staff: admin })));
    expect(listed.body.data.find((c: { clientId: string }) => c.clientId === clientId).usedByConsole).toBe(true);
  });
});

describe("emulator faults", () => {
  it("makes the emulator's API answer 500 on the chosen paths until cleared, as a tester set it", async () => {
    const { clientId, clientSecret } = emulatorClient();
    const access = (await token(clientId, clientSecret)).body.access_token!;
    const set = await json(
      await faults.PUT(
        await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { method: "PUT", json: { latencyMs: 0, errorRatePercent: 100, paths: "/reuseid/*\n" }, staff: tester }),
        accountParams(),
      ),
    );
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ latencyMs: 0, errorRate: 1, paths: ["/reuseid/*"], description: ["Every call to /reuseid/* fails 100% of the time with HTTP 500."] });

    const failed = await startOnboarding(access);
    expect(failed.status).toBe(500);
    expect(failed.body.code).toBe("internal_error");
    expect((await token(clientId, clientSecret)).status).toBe(200); // the token endpoint is not under /reuseid

    const read = await json(await faults.GET(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { staff: viewer }), accountParams()));
    expect(read.body.data.errorRate).toBe(1);

    const cleared = await json(await faults.DELETE(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { method: "DELETE", staff: tester }), accountParams()));
    expect(cleared.body.data).toMatchObject({ errorRate: 0, description: ["No faults: every call is answered normally."] });
    expect((await startOnboarding(access)).status).toBe(200);
    expect(await db.auditEntry.count({ where: { actorId: tester.id, action: { in: ["emulator.faults.set", "emulator.faults.clear"] }, outcome: "ok" } })).toBe(2);
  });

  it("faults the token endpoint only when a path names /auth", async () => {
    const { clientId, clientSecret } = emulatorClient();
    await faults.PUT(
      await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { method: "PUT", json: { latencyMs: 0, errorRatePercent: 100, paths: ["/auth/*"] }, staff: admin }),
      accountParams(),
    );
    const refused = await token(clientId, clientSecret);
    expect(refused.status).toBe(500);
    expect(refused.body.error).toBe("server_error");
    await faults.DELETE(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { method: "DELETE", staff: admin }), accountParams());
    expect((await token(clientId, clientSecret)).status).toBe(200);
  });

  it("refuses bad settings field by field and changes nothing", async () => {
    const bad = await json(
      await faults.PUT(
        await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { method: "PUT", json: { latencyMs: -1, errorRatePercent: 101, paths: "reuseid" }, staff: admin }),
        accountParams(),
      ),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["errorRatePercent", "latencyMs", "paths"]);
    const read = await json(await faults.GET(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { staff: admin }), accountParams()));
    expect(read.body.data.errorRate).toBe(0);
    const viewerRefused = await faults.PUT(
      await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/faults`, { method: "PUT", json: { latencyMs: 0, errorRatePercent: 100, paths: "" }, staff: viewer }),
      accountParams(),
    );
    expect(viewerRefused.status).toBe(403);
  });
});

describe("expire and reset", () => {
  it("expires a pending onboarding now and resets the account's data", async () => {
    const { clientId, clientSecret } = emulatorClient();
    const access = (await token(clientId, clientSecret)).body.access_token!;
    const started = await startOnboarding(access);
    expect(started.status).toBe(200);
    const expired = await expire.POST(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/expire`, { method: "POST", staff: tester }), accountParams());
    expect(expired.status).toBe(200);
    const flow = await fetch(`${server.baseUrl}/reuseid/id-onboardings/${started.body.data.transactionId}`, { headers: { authorization: `Bearer ${access}` } });
    expect((await flow.json()).data.status).toBe("Expired");

    const done = await reset.POST(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/reset`, { method: "POST", staff: tester }), accountParams());
    expect(done.status).toBe(200);
    const gone = await fetch(`${server.baseUrl}/reuseid/id-onboardings/${started.body.data.transactionId}`, { headers: { authorization: `Bearer ${access}` } });
    expect(gone.status).toBe(404);
    const unknown = await reset.POST(await apiRequest("/api/emulator-admin/accounts/nope/reset", { method: "POST", staff: admin }), accountParams("nope"));
    expect(unknown.status).toBe(404);
  });
});

describe("event subscriptions", () => {
  it("creates a subscription with its secret shown once, lists it without, and deletes it", async () => {
    const created = await json(
      await subscriptions.POST(
        await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/subscriptions`, {
          json: { url: "https://hooks.example.test/signicat", events: ["reuseid.onboarding.completed"], secret: "" },
          staff: tester,
        }),
        accountParams(),
      ),
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ url: "https://hooks.example.test/signicat", events: ["reuseid.onboarding.completed"], accountId: DEFAULT_ACCOUNT_ID });
    expect(created.body.data.secret).toMatch(/^[0-9a-f]{48}$/);
    const listed = await (await subscriptions.GET(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/subscriptions`, { staff: viewer }), accountParams())).text();
    expect(listed).toContain(created.body.data.subscriptionId);
    expect(listed).not.toContain(created.body.data.secret);

    const badEvent = await json(
      await subscriptions.POST(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/subscriptions`, { json: { url: "ftp://x", events: ["nope"] }, staff: admin }), accountParams()),
    );
    expect(badEvent.status).toBe(400);
    expect(Object.keys(badEvent.body.error.fields)).toEqual(["url"]);
    const unknownEvent = await json(
      await subscriptions.POST(
        await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/subscriptions`, { json: { url: "https://x.test", events: ["nope"] }, staff: admin }),
        accountParams(),
      ),
    );
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.body.error.fields.events).toMatch(/must be one of/);

    const log = await json(await deliveries.GET(await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/deliveries`, { staff: viewer }), accountParams()));
    expect(log.status).toBe(200);
    expect(Array.isArray(log.body.data)).toBe(true);

    const id = created.body.data.subscriptionId;
    const removed = await subscription.DELETE(
      await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/subscriptions/${id}`, { method: "DELETE", staff: tester }),
      routeParams({ accountId: DEFAULT_ACCOUNT_ID, subscriptionId: id }),
    );
    expect(removed.status).toBe(200);
    const again = await subscription.DELETE(
      await apiRequest(`/api/emulator-admin/accounts/${DEFAULT_ACCOUNT_ID}/subscriptions/${id}`, { method: "DELETE", staff: tester }),
      routeParams({ accountId: DEFAULT_ACCOUNT_ID, subscriptionId: id }),
    );
    expect(again.status).toBe(404);
  });
});
