import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onboardedUser, otherAccountCaller, startEmulatorWithDefaults, waitFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { configureEventDelivery } from "./event-delivery";
import { createSubscription, deleteSubscription, listDeliveries, listSubscriptions, type EventEnvelope } from "./events";

type Received = { headers: Record<string, string | string[] | undefined>; body: string; envelope: EventEnvelope };

/** A webhook receiver on a real local port; `statuses` are answered in turn (the last one repeats). */
async function receiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  let calls = 0;
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, body, envelope: JSON.parse(body) as EventEnvelope });
      res.statusCode = statuses[Math.min(calls++, statuses.length - 1)];
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`, received, close: () => new Promise<void>((r) => http.close(() => r())) };
}

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  configureEventDelivery({ backoffBaseMs: 20, timeoutMs: 2000 });
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

describe("subscriptions over the API", () => {
  it("creates (201, secret once), lists, reads and deletes (204)", async () => {
    const res = await caller.call("POST", "/events/subscriptions", { body: { url: "https://example.org/hook", events: ["device.state.change"] } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      subscriptionId: expect.any(String),
      accountId: caller.accountId,
      url: "https://example.org/hook",
      events: ["device.state.change"],
      createdAt: expect.any(String),
      secret: expect.stringMatching(/^[0-9a-f]{48}$/),
    });
    const list = await caller.call("GET", "/events/subscriptions");
    expect(list.body).toContainEqual({
      subscriptionId: res.body.subscriptionId,
      accountId: caller.accountId,
      url: "https://example.org/hook",
      events: ["device.state.change"],
      createdAt: res.body.createdAt,
    });
    expect((await caller.call("GET", `/events/subscriptions/${res.body.subscriptionId}`)).body).not.toHaveProperty("secret");
    const other = await otherAccountCaller(server);
    expect((await other.call("GET", `/events/subscriptions/${res.body.subscriptionId}`)).status).toBe(404);
    expect((await other.call("DELETE", `/events/subscriptions/${res.body.subscriptionId}`)).status).toBe(404);
    expect((await caller.call("DELETE", `/events/subscriptions/${res.body.subscriptionId}`)).status).toBe(204);
    expect((await caller.call("GET", `/events/subscriptions/${res.body.subscriptionId}`)).status).toBe(404);
  });

  it("refuses bad fields", async () => {
    const res = await caller.call("POST", "/events/subscriptions", { body: { url: "ftp://x", secret: "short", events: ["order.completed"] } });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(["events[0]", "secret", "url"]);
    expect((await caller.call("POST", "/events/subscriptions", { body: { url: "http://x.org", events: [] } })).body.invalidParams[0].name).toBe("events");
  });
});

describe("delivery", () => {
  it("POSTs the envelope signed with HMAC-SHA256, eventData equal to the GET", async () => {
    const hook = await receiver();
    try {
      const subscription = await createSubscription({
        accountId: caller.accountId,
        url: hook.url,
        secret: "a-secret-of-the-test",
        events: ["reuseid.onboarding.completed", "mobileid.registration.completed"],
      });
      const u = await onboardedUser(caller);
      await waitFor(() => hook.received.length >= 2);
      const [registration, completed] = ["mobileid.registration.completed", "reuseid.onboarding.completed"].map((name) => hook.received.find((r) => r.envelope.eventName === name)!);
      for (const r of [registration, completed]) {
        expect(r.headers["x-signicat-signature"]).toBe(sign("a-secret-of-the-test", r.body));
        expect(r.headers["content-type"]).toBe("application/json");
      }
      expect(completed.envelope).toEqual({
        id: expect.any(String),
        timestamp: expect.any(String),
        sender: "reuseid",
        eventName: "reuseid.onboarding.completed",
        eventData: (await caller.call("GET", `/reuseid/id-onboardings/${u.transactionId}`)).body.data,
        accountId: caller.accountId,
        organizationId: "o-emulator",
        expiresAt: expect.any(String),
        tags: [],
      });
      const regs = await caller.call("GET", `/mobileid/core/users/${u.userId}/transactions`);
      const registrationId = regs.body.items.find((i: { type: string }) => i.type === "REGISTRATION").transactionId;
      expect(registration.envelope.eventData).toEqual((await caller.call("GET", `/mobileid/core/users/${u.userId}/registrations/${registrationId}`)).body);
      await deleteSubscription({ subscriptionId: subscription.subscriptionId });
    } finally {
      await hook.close();
    }
  });

  it("retries a 500 with back-off and records every attempt", async () => {
    const hook = await receiver([500, 200]);
    try {
      const subscription = await createSubscription({ accountId: caller.accountId, url: hook.url, events: ["device.state.change"] });
      const u = await onboardedUser(caller);
      await caller.call("PATCH", `/mobileid/core/users/${u.userId}/devices/${u.deviceId}?generateEvent=true`, { body: { state: "LOCKED", lockReason: "lost" } });
      await caller.call("PATCH", `/mobileid/core/users/${u.userId}/devices/${u.deviceId}`, { body: { deviceName: "no event without generateEvent" } });
      const delivery = await waitFor(async () => (await listDeliveries({ accountId: caller.accountId })).find((d) => d.subscriptionId === subscription.subscriptionId && d.state === "delivered"));
      expect(delivery.attempts).toBe(2);
      expect(delivery.attemptLog).toEqual([
        { attempt: 1, at: expect.any(String), statusCode: 500, error: "HTTP 500", durationMs: expect.any(Number) },
        { attempt: 2, at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) },
      ]);
      expect(hook.received).toHaveLength(2);
      expect(hook.received[0].body).toBe(hook.received[1].body);
      expect(hook.received[1].headers["x-signicat-delivery-attempt"]).toBe("2");
      expect(hook.received[0].envelope).toMatchObject({
        sender: "mobileid",
        eventName: "device.state.change",
        eventData: { userId: u.userId, deviceId: u.deviceId, state: "LOCKED", deviceDetails: { lockReason: "lost" } },
      });
      const api = await caller.call("GET", "/events/deliveries?limit=5");
      expect(api.body[0]).toMatchObject({ deliveryId: delivery.deliveryId, state: "delivered" });
      await deleteSubscription({ subscriptionId: subscription.subscriptionId });
    } finally {
      await hook.close();
    }
  });

  it("gives up after the last attempt", async () => {
    configureEventDelivery({ maxAttempts: 3 });
    const hook = await receiver([503]);
    try {
      const subscription = await createSubscription({ accountId: caller.accountId, url: hook.url, events: ["*"] });
      const u = await onboardedUser(caller);
      await caller
        .call("POST", `/mobileid/core/users/${u.userId}/devices/${u.deviceId}/authentications`)
        .then((r) => caller.call("POST", `/simulator/authentications/${r.body.authenticationId}`, { body: { decision: "reject" } }));
      const failed = await waitFor(async () =>
        (await listDeliveries({ accountId: caller.accountId, limit: 50 })).find(
          (d) => d.subscriptionId === subscription.subscriptionId && d.eventName === "mobileid.authentication.failed" && d.state === "failed",
        ),
      );
      expect(failed.attempts).toBe(3);
      expect(failed.nextAttemptAt).toBeNull();
      expect((await listSubscriptions({ accountId: caller.accountId })).map((s) => s.subscriptionId)).toContain(subscription.subscriptionId);
      await deleteSubscription({ subscriptionId: subscription.subscriptionId });
    } finally {
      configureEventDelivery({ maxAttempts: 5 });
      await hook.close();
    }
  });

  it("emits step-up and authentication events", async () => {
    const hook = await receiver();
    try {
      const subscription = await createSubscription({ accountId: caller.accountId, url: hook.url, events: ["reuseid.stepup.failed", "mobileid.authentication.failed", "reuseid.stepup.expired"] });
      const u = await onboardedUser(caller);
      const stepUp = (await caller.call("POST", "/reuseid/id-stepups", { body: u })).body.data;
      await caller.call("POST", `/simulator/authentications/${stepUp.authenticationId}`, { body: { decision: "reject" } });
      await waitFor(() => hook.received.length >= 2);
      const byName = Object.fromEntries(hook.received.map((r) => [r.envelope.eventName, r.envelope.eventData]));
      expect(byName["reuseid.stepup.failed"]).toEqual((await caller.call("GET", `/reuseid/id-stepups/${stepUp.transactionId}`)).body.data);
      expect(byName["mobileid.authentication.failed"]).toEqual((await caller.call("GET", `/mobileid/core/users/${u.userId}/devices/${u.deviceId}/authentications/${stepUp.authenticationId}`)).body);
      const expiring = (await caller.call("POST", "/reuseid/id-stepups", { body: u })).body.data;
      await caller.call("PUT", "/simulator/faults", { body: { expireNow: true } });
      const expired = await waitFor(() => hook.received.find((r) => r.envelope.eventName === "reuseid.stepup.expired"));
      expect(expired.envelope.eventData).toMatchObject({ transactionId: expiring.transactionId, status: "Expired", error: { code: "authentication_expired" } });
      await deleteSubscription({ subscriptionId: subscription.subscriptionId });
    } finally {
      await hook.close();
    }
  });

  it("does not send one account's events to another account's subscription", async () => {
    const hook = await receiver();
    try {
      const other = await otherAccountCaller(server, "events-other");
      await createSubscription({ accountId: other.accountId, url: hook.url, events: ["*"] });
      await onboardedUser(caller);
      await new Promise((r) => setTimeout(r, 200));
      expect(hook.received).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });
});
