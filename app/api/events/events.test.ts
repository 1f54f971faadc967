// The Events receiver over real HTTP: the embedded emulator delivers its signed events to the
// console's /api/events/{environmentId} on the same origin (as in the running console), with
// private webhook targets switched off, so only the console's own receiver is reachable.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { decryptSecret } from "@/lib/crypto/encryption-key";
import { configureEventDelivery } from "@/lib/emulator/event-delivery";
import { listDeliveries } from "@/lib/emulator/events";
import { handleEmulatorRequest } from "@/lib/emulator/router";
import { settleReceivedEvents } from "@/lib/events/receiver";
import { signEvent } from "@/lib/events/signature";
import { maxBodyBytes } from "@/lib/http/body";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { callerFor, waitFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as start from "../flows/onboarding/route";
import * as environments from "../environments/route";
import * as environment from "../environments/[id]/route";
import * as receiver from "./[environmentId]/route";

let server: EmulatorServer;
let simulator: EmulatorCaller;
let tester: StaffSession;
let environmentId: string;

/** The console's receiver and the emulator behind one origin, as `next start` serves them. */
async function consoleAndEmulator(request: Request): Promise<Response> {
  const match = /^\/api\/events\/([^/]+)$/.exec(new URL(request.url).pathname);
  if (match && request.method === "POST") return receiver.POST(request, routeParams({ environmentId: decodeURIComponent(match[1]) }));
  return handleEmulatorRequest(request);
}

beforeAll(async () => {
  process.env.EMULATOR_WEBHOOKS_ALLOW_PRIVATE = "false"; // the console's own receiver needs no exception to be reached
  configureEventDelivery({ backoffBaseMs: 50, timeoutMs: 10_000 });
  server = await startEmulatorServer("127.0.0.1", consoleAndEmulator);
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded", accountId: null } })).id;
  simulator = await callerFor(server, "emulator-default", "emulator-client", "emulator-secret");
  tester = await staffWithRole("tester");
});
afterAll(async () => {
  await settleReceivedEvents();
  await server.close();
});

async function startOnboarding(externalRef: string) {
  const started = await json(await start.POST(await apiRequest("/api/flows/onboarding", { json: { environmentId, externalRef }, staff: tester })));
  expect(started.status).toBe(201);
  return db.flow.findUniqueOrThrow({ where: { id: started.body.data.id as string } });
}

const snapshot = async (flowId: string) => ({
  flow: await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { status: true, updatedAt: true, result: true } }),
  events: await db.flowEvent.count({ where: { flowId } }),
  exchanges: await db.apiExchange.count({ where: { flowId } }),
});

function envelope(eventData: unknown, overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return JSON.stringify({
    id: randomUUID(),
    timestamp: new Date(now).toISOString(),
    sender: "reuseid",
    eventName: "reuseid.onboarding.completed",
    eventData,
    accountId: "emulator-default",
    organizationId: "o-emulator",
    expiresAt: new Date(now + 3600_000).toISOString(),
    tags: [],
    ...overrides,
  });
}

async function deliver(body: string, signature: string | null, id = environmentId, headers: Record<string, string> = {}) {
  const request = new Request(`${server.origin}/api/events/${id}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-signicat-signature": signature }), ...headers },
    body,
  });
  const response = await receiver.POST(request, routeParams({ environmentId: id }));
  await settleReceivedEvents();
  return json(response);
}

async function eventsSecret(): Promise<string> {
  const env = await db.environment.findUniqueOrThrow({ where: { id: environmentId } });
  return decryptSecret(env.eventsSecretEnc!);
}

describe("the emulator's events reach the console", () => {
  it("subscribes at the first flow and completes an onboarding from the events, before anyone polls", async () => {
    const flow = await startOnboarding("events-1");
    const env = await db.environment.findUniqueOrThrow({ where: { id: environmentId } });
    expect(env.eventsSubscriptionId).toBeTruthy();
    expect(env.eventsWebhookUrl).toBe(`${server.origin}/api/events/${environmentId}`);
    expect(env.eventsSecretEnc).not.toContain(await eventsSecret()); // sealed
    const subscribed = await db.apiExchange.findFirstOrThrow({ where: { environmentId, method: "POST", url: { endsWith: "/events/subscriptions" } } });
    expect(subscribed.responseBody).toContain("[redacted]");
    expect(subscribed.responseBody).not.toContain(await eventsSecret());

    const polled = (await snapshot(flow.id)).exchanges; // the start's own exchange only: nobody has asked since
    await simulator.call("POST", "/simulator/activations", { body: { activationCode: flow.activationCode } });
    await simulator.call("POST", `/simulator/proofings/${flow.processId}`, { body: { outcome: "accepted", persona: "jane-smith" } });

    const done = await waitFor(async () => {
      await settleReceivedEvents();
      const row = await db.flow.findUniqueOrThrow({ where: { id: flow.id }, include: { events: true } });
      return row.status === "Completed" ? row : null;
    }, 15_000);
    expect(
      done.events
        .filter((e) => e.kind === "step")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["completed", "device_activated", "proofing_finished", "proofing_started", "user_created"]);
    // whichever event arrived first found the flow done upstream: the timeline says an event did it
    const byEvent = done.events.filter((e) => e.kind === "event");
    expect(byEvent.length).toBeGreaterThan(0);
    for (const e of byEvent) expect([e.name, e.detail]).toEqual([expect.stringMatching(/^(mobileid|reuseid)\./), expect.stringMatching(/^updated by an event \(id [\w-]+\)$/)]);
    expect((done.result as { userData: unknown }).userData).toMatchObject({ firstName: "JANE", lastName: "SMITH" });
    expect((await snapshot(flow.id)).exchanges).toBeGreaterThan(polled); // the receiver asked the API

    const received = await db.receivedEvent.findMany({ where: { environmentId, eventName: { in: byEvent.map((e) => e.name) } } });
    expect(received.some((r) => (r.flowIds as string[]).includes(flow.id))).toBe(true);
    const deliveries = await waitFor(async () => {
      const mine = (await listDeliveries({ accountId: "emulator-default" })).filter((d) => d.url === env.eventsWebhookUrl && d.eventName === "reuseid.onboarding.completed");
      return mine.length && mine.every((d) => d.state === "delivered") ? mine : null;
    });
    expect(deliveries[0].attemptLog.at(-1)).toMatchObject({ statusCode: 200, error: null });
  });

  it("keeps the subscription it has for the next flow", async () => {
    const before = (await db.environment.findUniqueOrThrow({ where: { id: environmentId } })).eventsSubscriptionId;
    await startOnboarding("events-2");
    expect((await db.environment.findUniqueOrThrow({ where: { id: environmentId } })).eventsSubscriptionId).toBe(before);
  });
});

describe("a real Signicat account", () => {
  it("stores the events secret typed on the environment page sealed, never shows it, and checks events with it", async () => {
    const admin = await staffWithRole("admin");
    const secret = "dashboard-events-secret-1234";
    const valid = { name: "Sandbox with events", kind: "sandbox", baseUrl: "https://api.signicat.com", clientId: "sandbox-client", clientSecret: "very-secret-value-123", eventsSecret: secret };
    const created = await environments.POST(await apiRequest("/api/environments", { json: valid, staff: admin }));
    const text = await created.text();
    expect(created.status).toBe(201);
    expect(text).not.toContain(secret);
    const body = JSON.parse(text).data;
    expect(body.events).toEqual({ receiverPath: `/api/events/${body.id}`, secretSet: true, subscriptionId: null });
    const row = await db.environment.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.eventsSecretEnc).not.toContain(secret);
    expect(decryptSecret(row.eventsSecretEnc!)).toBe(secret);

    const event = envelope({ transactionId: "no-such-flow" });
    expect(await deliver(event, signEvent(secret, event), body.id)).toMatchObject({ status: 200, body: { data: { outcome: "accepted", flowIds: [] } } });
    expect((await deliver(event, signEvent(await eventsSecret(), event), body.id)).status).toBe(401); // another environment's secret

    // editing without a new secret keeps it; deleting the environment wipes it
    const { eventsSecret: _typed, clientSecret: _client, ...unchanged } = valid;
    expect((await environment.PATCH(await apiRequest(`/api/environments/${body.id}`, { method: "PATCH", json: unchanged, staff: admin }), routeParams({ id: body.id }))).status).toBe(200);
    expect(decryptSecret((await db.environment.findUniqueOrThrow({ where: { id: body.id } })).eventsSecretEnc!)).toBe(secret);
    await environment.DELETE(await apiRequest(`/api/environments/${body.id}`, { method: "DELETE", json: { confirmName: valid.name }, staff: admin }), routeParams({ id: body.id }));
    const later = envelope({ transactionId: "no-such-flow" });
    expect((await deliver(later, signEvent(secret, later), body.id)).status).toBe(401);
  });
});

describe("what the receiver refuses", () => {
  it("answers a forged or missing signature 401 in the console's error shape, and changes nothing", async () => {
    const flow = await startOnboarding("events-forged");
    const before = await snapshot(flow.id);
    const received = await db.receivedEvent.count();
    const body = envelope({ transactionId: flow.transactionId, status: "Completed" });
    for (const signature of [signEvent("not-the-secret", body), null, "", "zz", signEvent(await eventsSecret(), body + " ")]) {
      const answer = await deliver(body, signature);
      expect(answer).toEqual({ status: 401, body: { error: { code: "invalid_signature", message: expect.any(String) } } });
    }
    expect(await snapshot(flow.id)).toEqual(before);
    expect(await db.receivedEvent.count()).toBe(received);
  });

  it("acts on an event once: a replay answers 200 and asks nothing again", async () => {
    const flow = await startOnboarding("events-replay");
    const body = envelope({ transactionId: flow.transactionId }, { eventName: "reuseid.onboarding.expired" });
    const signature = signEvent(await eventsSecret(), body);
    const before = await snapshot(flow.id);

    const first = await deliver(body, signature);
    expect(first).toMatchObject({ status: 200, body: { data: { outcome: "accepted", flowIds: [flow.id] } } });
    const after = await snapshot(flow.id);
    expect(after.exchanges).toBeGreaterThan(before.exchanges); // asked the API (which says it is still pending)
    expect(after.flow.status).toBe("Pending"); // the event's word alone changes nothing

    const replay = await deliver(body, signature);
    expect(replay).toMatchObject({ status: 200, body: { data: { outcome: "duplicate", eventId: JSON.parse(body).id } } });
    expect(await snapshot(flow.id)).toEqual(after);
  });

  it("does not act on an event past its expiry", async () => {
    const flow = await startOnboarding("events-expired");
    const body = envelope({ transactionId: flow.transactionId }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const before = await snapshot(flow.id);
    expect(await deliver(body, signEvent(await eventsSecret(), body))).toMatchObject({ status: 200, body: { data: { outcome: "expired" } } });
    expect(await snapshot(flow.id)).toEqual(before);
  });

  it("answers an unknown environment 401, like a wrong signature", async () => {
    const body = envelope({ transactionId: "t" });
    const answer = await deliver(body, signEvent(await eventsSecret(), body), randomUUID());
    expect(answer).toEqual({ status: 401, body: { error: { code: "invalid_signature", message: expect.any(String) } } });
  });

  it("answers a body over the cap 413, declared or not", async () => {
    const big = "x".repeat(maxBodyBytes() + 1);
    for (const headers of [{ "content-length": String(big.length) }, {}] as Record<string, string>[]) {
      const answer = await deliver(big, signEvent(await eventsSecret(), big), environmentId, headers);
      expect(answer).toMatchObject({ status: 413, body: { error: { code: "body_too_large" } } });
    }
  });

  it("answers a signed body that is no event 400 with the fields named", async () => {
    const body = JSON.stringify({ id: "", eventName: "x" });
    const answer = await deliver(body, signEvent(await eventsSecret(), body));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual(expect.arrayContaining(["id", "timestamp", "expiresAt"]));
  });
});
