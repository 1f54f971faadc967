// The route wrapper's guards: cross-site refusal (audited), the body cap, the request id; and the
// same request-end hook and cap in the emulator, with its off switch.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/data/db";
import { canManageEnvironments } from "@/lib/auth/roles";
import { handleEmulatorRequest } from "@/lib/emulator/router";
import { apiRequest, json, staffWithRole } from "@/lib/testing/console";
import type { StaffSession } from "@/lib/auth/roles";
import type { AuditAction } from "@/lib/audit/actions";
import { data, publicRoute, route } from "./route";

const echo = route({ permission: canManageEnvironments, action: "test.echo" as AuditAction, body: z.object({ text: z.string() }) }, async ({ body }) => data(body));
let admin: StaffSession;

beforeAll(async () => {
  admin = await staffWithRole("admin");
});
afterEach(() => vi.unstubAllEnvs());

async function withHeaders(request: Request, headers: Record<string, string>, body?: BodyInit) {
  const h = new Headers(request.headers);
  for (const [k, v] of Object.entries(headers)) h.set(k, v);
  return new Request(request.url, { method: request.method, headers: h, body: body ?? (await request.text()) });
}

describe("route wrapper", () => {
  it("answers a same-origin call and echoes the caller's request id", async () => {
    const request = await withHeaders(await apiRequest("/api/echo", { json: { text: "hi" }, staff: admin }), { origin: "http://console.test", host: "console.test", "x-request-id": "req-123" });
    const response = await echo(request);
    expect(await json(response)).toEqual({ status: 200, body: { data: { text: "hi" } } });
    expect(response.headers.get("x-request-id")).toBe("req-123");
  });

  it("refuses another site's page with 403 in the error shape, and audits it for the signed-in staff member", async () => {
    const request = await withHeaders(await apiRequest("/api/echo", { json: { text: "hi" }, staff: admin }), { origin: "https://evil.example", host: "console.test" });
    const response = await json(await echo(request));
    expect(response).toMatchObject({ status: 403, body: { error: { code: "cross_site" } } });
    expect(await db.auditEntry.findFirst({ where: { actorId: admin.id, action: "security.cross_site_refused" } })).toMatchObject({
      target: "POST /api/echo",
      detail: "refused: Origin https://evil.example",
    });
    expect(await db.auditEntry.count({ where: { actorId: admin.id, action: "test.echo" } })).toBe(1); // only the first test's call ran
  });

  it("refuses a body over the cap with 413, declared or not", async () => {
    vi.stubEnv("MAX_BODY_BYTES", "1024");
    const big = JSON.stringify({ text: "x".repeat(2000) });
    const declared = await withHeaders(await apiRequest("/api/echo", { json: {}, staff: admin }), { "content-length": String(big.length) }, big);
    expect(await json(await echo(declared))).toMatchObject({ status: 413, body: { error: { code: "body_too_large" } } });
    const base = await apiRequest("/api/echo", { json: {}, staff: admin });
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    const undeclared = new Request(base.url, { method: "POST", headers: base.headers, body: stream, duplex: "half" } as RequestInit);
    expect(await json(await echo(undeclared))).toMatchObject({ status: 413, body: { error: { code: "body_too_large" } } });
  });
});

describe("public route wrapper", () => {
  const publicEcho = publicRoute({ action: "test.public" as AuditAction, body: z.object({ text: z.string() }), requireJsonBody: true }, async ({ body, audit }) => {
    if (body.text === "who") audit({ actor: { id: null, email: "first@example.test", role: "admin" }, target: "first@example.test" });
    return data(body);
  });
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    publicEcho(new Request("http://console.test/api/public-echo", { method: "POST", headers: { "content-type": "application/json", "x-request-id": "req-pub", ...headers }, body }));

  it("validates without a session, echoes the request id, and audits only once an actor is named", async () => {
    const ok = await post(JSON.stringify({ text: "hi" }));
    expect(await json(ok)).toEqual({ status: 200, body: { data: { text: "hi" } } });
    expect(ok.headers.get("x-request-id")).toBe("req-pub");
    expect(await json(await post(JSON.stringify({ text: 7 })))).toMatchObject({ status: 400, body: { error: { code: "validation_failed" } } });
    expect(await db.auditEntry.count({ where: { action: "test.public" } })).toBe(0);
    await post(JSON.stringify({ text: "who" }));
    expect(await db.auditEntry.findMany({ where: { action: "test.public" } })).toMatchObject([{ actorEmail: "first@example.test", outcome: "ok", target: "first@example.test" }]);
  });

  it("refuses another site's page, a body that is not JSON and one over the cap, in the one error shape", async () => {
    expect(await json(await post("{}", { origin: "https://evil.example", host: "console.test" }))).toMatchObject({ status: 403, body: { error: { code: "cross_site" } } });
    expect(await json(await post("{}", { "content-type": "text/plain" }))).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    vi.stubEnv("MAX_BODY_BYTES", "1024");
    expect(await json(await post(JSON.stringify({ text: "x".repeat(2000) })))).toMatchObject({ status: 413, body: { error: { code: "body_too_large" } } });
  });
});

describe("emulator requests", () => {
  it("answers 404 in the contract's shape when the emulator is switched off", async () => {
    vi.stubEnv("EMULATOR_ENABLED", "false");
    const response = await handleEmulatorRequest(new Request("http://console.test/emulator/reuseid/id-onboardings/x"));
    const body = await response.json();
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ code: "not_found", status: 404, detail: expect.stringContaining("EMULATOR_ENABLED=false") });
    expect(body.traceId).toBe(response.headers.get("x-trace-id"));
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("refuses a body over the cap with 413 in the contract's shape", async () => {
    vi.stubEnv("MAX_BODY_BYTES", "1024");
    const response = await handleEmulatorRequest(new Request("http://console.test/emulator/simulator/activations", { method: "POST", body: "x".repeat(2000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large", status: 413 });
  });
});
