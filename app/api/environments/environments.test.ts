// Route handlers for environments on a real SQLite database, talking over real HTTP to the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { apiRequest, closedPortUrl, json, routeParams, staffWithRole } from "@/lib/testing/console";
import type { StaffSession } from "@/lib/auth/roles";
import * as list from "./route";
import * as one from "./[id]/route";
import * as test_ from "./[id]/test/route";

let server: EmulatorServer;
let admin: StaffSession;
let viewer: StaffSession;

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  admin = await staffWithRole("admin");
  viewer = await staffWithRole("viewer");
});
afterAll(() => server.close());

const valid = { name: "Signicat sandbox", kind: "sandbox", baseUrl: "https://api.signicat.com/", clientId: "sandbox-client", clientSecret: "very-secret-value-123" };

describe("environments API", () => {
  it("refuses without a session and refuses a viewer's change, recording the refusal", async () => {
    expect((await list.GET(await apiRequest("/api/environments"))).status).toBe(401);
    const refused = await json(await list.POST(await apiRequest("/api/environments", { json: valid, staff: viewer })));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect(await db.auditEntry.count({ where: { actorId: viewer.id, action: "environment.create", outcome: "error" } })).toBe(1);
    expect(await db.environment.count({ where: { name: valid.name } })).toBe(0);
  });

  it("gives field-level errors for bad input and writes nothing", async () => {
    const before = await db.environment.count();
    const bad = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "", baseUrl: "http://api.signicat.com", clientSecret: "" }, staff: admin })));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["name", "baseUrl", "clientSecret"]));
    expect(bad.body.error.fields.baseUrl).toMatch(/https/);
    expect(await db.environment.count()).toBe(before);
    const notJson = await json(await list.POST(await apiRequest("/api/environments", { body: "{", staff: admin })));
    expect(notJson.body.error.code).toBe("invalid_json");
  });

  it("saves an environment with its secret encrypted and never returns the secret", async () => {
    const created = await json(await list.POST(await apiRequest("/api/environments", { json: valid, staff: admin })));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: valid.name, kind: "sandbox", baseUrl: "https://api.signicat.com", clientId: "sandbox-client" });
    expect(JSON.stringify(created.body)).not.toContain(valid.clientSecret);
    const row = await db.environment.findUniqueOrThrow({ where: { id: created.body.data.id } });
    expect(row.clientSecretEnc).not.toContain(valid.clientSecret);
    expect(row.clientSecretEnc).toMatch(/^v1:/);
    const all = await (await list.GET(await apiRequest("/api/environments", { staff: viewer }))).text();
    expect(all).toContain("Signicat sandbox");
    expect(all).not.toContain(valid.clientSecret);
    expect(all).not.toContain("clientSecretEnc");
    const duplicate = await json(await list.POST(await apiRequest("/api/environments", { json: valid, staff: admin })));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields.name).toBeTruthy();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "environment.create", outcome: "ok" } });
    expect(audit).toMatchObject({ actorEmail: admin.email, actorRole: "admin", target: valid.name });
  });

  it("tests the Local emulator's connection by fetching a real token", async () => {
    const local = await db.environment.findFirstOrThrow({ where: { kind: "embedded" } });
    const result = await json(await test_.POST(await apiRequest(`/api/environments/${local.id}/test`, { method: "POST", staff: admin }), routeParams({ id: local.id })));
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({ ok: true, scope: "signicat-api" });
    expect(result.body.data.expiresIn).toBeGreaterThan(500);
    const exchange = await db.apiExchange.findFirstOrThrow({ where: { environmentId: local.id }, orderBy: { createdAt: "desc" } });
    expect(exchange).toMatchObject({ method: "POST", status: 200 });
    expect(exchange.requestBody).toContain("client_secret=%5Bredacted%5D");
    expect(exchange.responseBody).not.toMatch(/eyJ/); // no token stored
  });

  it("reports the exact error of a refused secret and of an unreachable host", async () => {
    const wrong = await json(
      await list.POST(
        await apiRequest("/api/environments", { json: { ...valid, name: "Wrong secret", baseUrl: server.baseUrl, clientId: "emulator-client", clientSecret: "not-the-secret" }, staff: admin }),
      ),
    );
    const refused = await json(await test_.POST(await apiRequest("/x", { method: "POST", staff: admin }), routeParams({ id: wrong.body.data.id })));
    expect(refused.status).toBe(502);
    expect(refused.body.error.upstream).toMatchObject({ status: 401, code: "invalid_client" });

    const down = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "Nowhere", baseUrl: await closedPortUrl() }, staff: admin })));
    const unreachable = await json(await test_.POST(await apiRequest("/x", { method: "POST", staff: admin }), routeParams({ id: down.body.data.id })));
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error.code).toBe("upstream_network");
    expect(unreachable.body.error.message).toMatch(/connection refused/);
    expect(await db.auditEntry.count({ where: { action: "environment.test", outcome: "error" } })).toBe(2);
  });

  it("keeps the Local emulator read-only and answers 404 for an unknown id", async () => {
    const local = await db.environment.findFirstOrThrow({ where: { kind: "embedded" } });
    const del = await json(await one.DELETE(await apiRequest("/x", { method: "DELETE", json: { confirmName: local.name }, staff: admin }), routeParams({ id: local.id })));
    expect(del.status).toBe(409);
    const missing = await json(await one.GET(await apiRequest("/x", { staff: viewer }), routeParams({ id: "nope" })));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });
});

describe("editing an environment", () => {
  it("keeps the stored secret only for the host and client it was entered for", async () => {
    const created = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "Editable" }, staff: admin })));
    const id = created.body.data.id;
    const moved = await json(
      await one.PATCH(
        await apiRequest("/x", { method: "PATCH", json: { ...valid, name: "Editable", baseUrl: "https://attacker.example", clientSecret: undefined }, staff: admin }),
        routeParams({ id }),
      ),
    );
    expect(moved.status).toBe(400);
    expect(moved.body.error.fields.clientSecret).toMatch(/again/);
    expect((await db.environment.findUniqueOrThrow({ where: { id } })).baseUrl).toBe("https://api.signicat.com");
    const renamed = await json(await one.PATCH(await apiRequest("/x", { method: "PATCH", json: { ...valid, name: "Edited", clientSecret: undefined }, staff: admin }), routeParams({ id })));
    expect(renamed.status).toBe(200);
  });
});

describe("deleting an environment", () => {
  it("asks for its name, keeps its flows readable as a deleted environment, and frees the name", async () => {
    const created = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "Short-lived" }, staff: admin })));
    const id = created.body.data.id;
    const flow = await db.flow.create({ data: { type: "onboarding", status: "Pending", environmentId: id, startedById: admin.id, input: "{}" } });

    const unconfirmed = await json(await one.DELETE(await apiRequest("/x", { method: "DELETE", json: { confirmName: "Short" }, staff: admin }), routeParams({ id })));
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.fields.confirmName).toBe("Type Short-lived to delete it.");
    expect((await db.environment.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();

    const deleted = await json(await one.DELETE(await apiRequest("/x", { method: "DELETE", json: { confirmName: "Short-lived" }, staff: admin }), routeParams({ id })));
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toMatchObject({ name: "Short-lived", cancelledFlows: 1 });
    const row = await db.environment.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.clientSecretEnc).toBe(""); // nothing left to call anyone with
    expect(await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ status: "Cancelled", errorCode: "environment_deleted" });

    const names = (await json(await list.GET(await apiRequest("/api/environments", { staff: viewer })))).body.data.map((e: { name: string }) => e.name);
    expect(names).not.toContain("Short-lived");
    expect((await json(await one.GET(await apiRequest("/x", { staff: viewer }), routeParams({ id })))).status).toBe(404);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "environment.delete", outcome: "ok" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ target: "Short-lived", environmentId: id });

    const again = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "Short-lived" }, staff: admin })));
    expect(again.status).toBe(201);
  });

  it("answers an unparsable URL with the field's message, not a crash", async () => {
    const bad = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "Bad URL", baseUrl: "not a url" }, staff: admin })));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.baseUrl).toMatch(/full URL/);
  });

  it("edits the app configuration and clears an emptied account id", async () => {
    const created = await json(await list.POST(await apiRequest("/api/environments", { json: { ...valid, name: "With account", accountId: "a-1" }, staff: admin })));
    const id = created.body.data.id;
    const edited = await json(
      await one.PATCH(
        await apiRequest("/x", { method: "PATCH", json: { ...valid, name: "With account", clientSecret: "", accountId: "", appApplicationId: "app-9" }, staff: admin }),
        routeParams({ id }),
      ),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ accountId: null, appApplicationId: "app-9" });
  });
});
