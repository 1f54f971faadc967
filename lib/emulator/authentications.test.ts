import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { onboardedUser, otherAccountCaller, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const users = "/mobileid/core/users";
const authPath = (u: { userId: string; deviceId: string }) => `${users}/${u.userId}/devices/${u.deviceId}/authentications`;
const context = { content: Buffer.from("Log in to the bank?").toString("base64"), mimeType: "text/plain" };

describe("start and read authentications", () => {
  it("starts one (201) that is PENDING for 5 minutes", async () => {
    const u = await onboardedUser(caller);
    const res = await caller.call("POST", authPath(u), { body: { preOperationContext: context, postOperationContext: context, sendPush: true, requestedUserAttributes: ["firstName"] } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ authenticationId: expect.any(String), state: "PENDING", expiresAt: expect.any(String) });
    const lifetime = Date.parse(res.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(4.9 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);
    const state = await caller.call("GET", `${authPath(u)}/${res.body.authenticationId}`);
    expect(state.body).toEqual({ authenticationId: res.body.authenticationId, userId: u.userId, deviceId: u.deviceId, state: "PENDING", createdAt: expect.any(String), expiresAt: res.body.expiresAt });
    expect((await caller.call("POST", authPath(u))).status).toBe(201); // every field is optional
  });

  it("refuses bad fields one by one", async () => {
    const u = await onboardedUser(caller);
    const res = await caller.call("POST", authPath(u), {
      body: { preOperationContext: { content: "not base64!", mimeType: "" }, postOperationContext: "x", sendPush: "yes", requestedUserAttributes: [1] },
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      "postOperationContext",
      "preOperationContext.content",
      "preOperationContext.mimeType",
      "requestedUserAttributes[0]",
      "sendPush",
    ]);
  });

  it("refuses a device or user that is not active (422), and unknown ids (404)", async () => {
    const u = await onboardedUser(caller);
    await caller.call("PATCH", `${users}/${u.userId}/devices/${u.deviceId}`, { body: { state: "LOCKED" } });
    const locked = await caller.call("POST", authPath(u));
    expect(locked.status).toBe(422);
    expect(locked.body.code).toBe("unprocessable_entity");
    await caller.call("PATCH", `${users}/${u.userId}/devices/${u.deviceId}`, { body: { state: "ACTIVE" } });
    await caller.call("PATCH", `${users}/${u.userId}`, { body: { state: "LOCKED" } });
    expect((await caller.call("POST", authPath(u))).status).toBe(422);
    expect((await caller.call("POST", authPath({ userId: "nobody", deviceId: u.deviceId }))).body.code).toBe("user_entity_does_not_exist");
    expect((await caller.call("POST", authPath({ userId: u.userId, deviceId: "nothing" }))).body.code).toBe("not_found");
    expect((await caller.call("GET", `${authPath(u)}/nothing`)).body.code).toBe("not_found");
  });
});

describe("answering", () => {
  it("completes with the requested attributes the user has", async () => {
    const u = await onboardedUser(caller);
    const { body } = await caller.call("POST", authPath(u), { body: { requestedUserAttributes: ["firstName", "dateOfBirth", "unknownKey"] } });
    const answered = await caller.call("POST", `/simulator/authentications/${body.authenticationId}`, { body: { decision: "approve" } });
    expect(answered.status).toBe(200);
    const state = await caller.call("GET", `${authPath(u)}/${body.authenticationId}`);
    expect(state.body).toMatchObject({ state: "COMPLETED", completedAt: expect.any(String), userAttributes: { firstName: "JANE", dateOfBirth: "1990-01-01" } });
    expect(Object.keys(state.body.userAttributes)).toHaveLength(2);
  });

  it("fails when rejected, refuses a second answer (409) and a bad decision (400)", async () => {
    const u = await onboardedUser(caller);
    const { body } = await caller.call("POST", authPath(u));
    const bad = await caller.call("POST", `/simulator/authentications/${body.authenticationId}`, { body: { decision: "maybe" } });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe("decision");
    await caller.call("POST", `/simulator/authentications/${body.authenticationId}`, { body: { decision: "reject" } });
    const state = await caller.call("GET", `${authPath(u)}/${body.authenticationId}`);
    expect(state.body.state).toBe("FAILED");
    expect(state.body).not.toHaveProperty("userAttributes");
    expect((await caller.call("POST", `/simulator/authentications/${body.authenticationId}`, { body: { decision: "approve" } })).status).toBe(409);
    expect((await caller.call("POST", "/simulator/authentications/unknown", { body: { decision: "approve" } })).status).toBe(404);
  });

  it("expires after its lifetime (EXPIRED; answering is 422) and is canceled when the device is deleted", async () => {
    const u = await onboardedUser(caller);
    const { body } = await caller.call("POST", authPath(u));
    await db.emuAuthentication.update({ where: { id: body.authenticationId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await caller.call("GET", `${authPath(u)}/${body.authenticationId}`)).body.state).toBe("EXPIRED");
    expect((await caller.call("POST", `/simulator/authentications/${body.authenticationId}`, { body: { decision: "approve" } })).status).toBe(422);

    const second = (await caller.call("POST", authPath(u))).body;
    await caller.call("PATCH", `${users}/${u.userId}/devices/${u.deviceId}`, { body: { state: "DEACTIVATED" } });
    expect((await db.emuAuthentication.findUniqueOrThrow({ where: { id: second.authenticationId } })).state).toBe("CANCELED");
  });

  it("is invisible to another account", async () => {
    const u = await onboardedUser(caller);
    const { body } = await caller.call("POST", authPath(u));
    const other = await otherAccountCaller(server);
    expect((await other.call("POST", `/simulator/authentications/${body.authenticationId}`, { body: { decision: "approve" } })).status).toBe(404);
    expect((await other.call("GET", `${authPath(u)}/${body.authenticationId}`)).status).toBe(404);
    expect((await caller.call("GET", `${authPath(u)}/${body.authenticationId}`)).body.state).toBe("PENDING");
  });
});

describe("transactions of a user", () => {
  it("lists registrations and authentications newest first, paged with an opaque cursor", async () => {
    const u = await onboardedUser(caller);
    const started: string[] = [];
    for (let i = 0; i < 4; i++) started.push((await caller.call("POST", authPath(u))).body.authenticationId);
    const registration = (await caller.call("POST", `${users}/${u.userId}/registrations`)).body.registrationId as string;
    const expected = [registration, ...started.reverse()];

    const all = await caller.call("GET", `${users}/${u.userId}/transactions`);
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items).toHaveLength(6); // + the onboarding's registration
    expect(all.body.items[0]).toEqual({
      transactionId: registration,
      type: "REGISTRATION",
      state: "PENDING",
      deviceId: null,
      createdAt: expect.any(String),
      completedAt: null,
      expiresAt: expect.any(String),
    });
    expect(all.body.items[1]).toMatchObject({ type: "AUTHENTICATION", state: "PENDING", deviceId: u.deviceId });
    expect(all.body.items[5]).toMatchObject({ type: "REGISTRATION", state: "COMPLETED", deviceId: u.deviceId });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { transactionId: string }[]; nextCursor: string | null } } = await caller.call(
        "GET",
        `${users}/${u.userId}/transactions?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i) => i.transactionId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 5)).toEqual(expected);
    expect(seen).toHaveLength(6);
  });

  it("refuses a bad limit or cursor", async () => {
    const u = await onboardedUser(caller);
    for (const query of ["limit=0", "limit=101", "limit=abc"]) {
      const res = await caller.call("GET", `${users}/${u.userId}/transactions?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.invalidParams).toEqual([{ name: "limit", reason: expect.any(String) }]);
    }
    expect((await caller.call("GET", `${users}/${u.userId}/transactions?cursor=garbage`)).body.invalidParams[0].name).toBe("cursor");
  });
});
