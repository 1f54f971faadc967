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

async function newUser(body: unknown = {}) {
  return (await caller.call("POST", users, { body })).body as { userId: string };
}

describe("registrations", () => {
  it("starts one and completes it by activation, with the API's device name", async () => {
    const { userId } = await newUser();
    const res = await caller.call("POST", `${users}/${userId}/registrations`, { body: { deviceName: "Work phone" } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ registrationId: expect.any(String), activationCode: expect.stringMatching(/^\d{10}$/), expiresAt: expect.any(String), state: "PENDING" });
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    const path = `${users}/${userId}/registrations/${res.body.registrationId}`;
    expect((await caller.call("GET", path)).body).toMatchObject({ registrationId: res.body.registrationId, userId, state: "PENDING" });

    const activation = await caller.call("POST", "/simulator/activations", { body: { activationCode: res.body.activationCode, deviceName: "ignored" } });
    expect(activation.status).toBe(200);
    expect(activation.body.userId).toBe(userId);
    expect((await caller.call("GET", path)).body).toMatchObject({ state: "COMPLETED", deviceId: activation.body.deviceId, completedAt: expect.any(String) });
    const device = await caller.call("GET", `${users}/${userId}/devices/${activation.body.deviceId}`);
    expect(device.body.deviceName).toBe("Work phone");
    expect((await caller.call("POST", "/simulator/activations", { body: { activationCode: res.body.activationCode } })).status).toBe(404);
  });

  it("starts without a body, and refuses a bad device name", async () => {
    const { userId } = await newUser();
    expect((await caller.call("POST", `${users}/${userId}/registrations`)).status).toBe(201);
    const bad = await caller.call("POST", `${users}/${userId}/registrations`, { body: { deviceName: "x".repeat(65) } });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams).toEqual([{ name: "deviceName", reason: expect.any(String) }]);
  });

  it("expires after 10 minutes, and an expired code activates nothing (422)", async () => {
    const { userId } = await newUser();
    const { body } = await caller.call("POST", `${users}/${userId}/registrations`);
    await db.emuRegistration.update({ where: { id: body.registrationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await caller.call("GET", `${users}/${userId}/registrations/${body.registrationId}`)).body.state).toBe("EXPIRED");
    expect((await caller.call("POST", "/simulator/activations", { body: { activationCode: body.activationCode } })).status).toBe(422);
  });

  it("refuses a locked user (422), an unknown user (404) and an unknown registration (404)", async () => {
    const { userId } = await newUser();
    await caller.call("PATCH", `${users}/${userId}`, { body: { state: "LOCKED" } });
    expect((await caller.call("POST", `${users}/${userId}/registrations`)).status).toBe(422);
    expect((await caller.call("POST", `${users}/nobody/registrations`)).body.code).toBe("user_entity_does_not_exist");
    expect((await caller.call("GET", `${users}/${userId}/registrations/nope`)).body.code).toBe("not_found");
  });
});

describe("devices", () => {
  it("lists and gets devices, detailed with the lock reason", async () => {
    const u = await onboardedUser(caller);
    const list = await caller.call("GET", `${users}/${u.userId}/devices`);
    expect(list.body).toEqual([
      {
        deviceId: u.deviceId,
        deviceName: "Simulated device",
        state: "ACTIVE",
        platform: "WEB",
        appVersion: "simulator",
        deviceHash: expect.any(String),
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
      },
    ]);
    const plain = await caller.call("GET", `${users}/${u.userId}/devices/${u.deviceId}`);
    expect(plain.body).not.toHaveProperty("deviceDetails");
  });

  it("renames, locks with a reason, unlocks, and deactivates for good", async () => {
    const u = await onboardedUser(caller);
    const path = `${users}/${u.userId}/devices/${u.deviceId}`;
    const renamed = await caller.call("PATCH", path, { body: { deviceName: "Jane's phone" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ deviceName: "Jane's phone", state: "ACTIVE" });
    await caller.call("PATCH", path, { body: { state: "LOCKED", lockReason: "reported stolen" } });
    expect((await caller.call("GET", `${path}?detailed=true`)).body).toMatchObject({ state: "LOCKED", deviceDetails: { lockReason: "reported stolen" } });
    await caller.call("PATCH", path, { body: { state: "ACTIVE" } });
    expect((await caller.call("GET", `${path}?detailed=true`)).body).toMatchObject({ state: "ACTIVE", deviceDetails: { lockReason: null } });
    expect((await caller.call("PATCH", path, { body: { state: "DEACTIVATED" } })).body.state).toBe("DEACTIVATED");
    const back = await caller.call("PATCH", path, { body: { state: "ACTIVE" } });
    expect(back.status).toBe(422);
    expect(back.body.code).toBe("unprocessable_entity");
  });

  it("refuses bad fields and changes nothing", async () => {
    const u = await onboardedUser(caller);
    const path = `${users}/${u.userId}/devices/${u.deviceId}`;
    const res = await caller.call("PATCH", path, { body: { deviceName: "", state: "BROKEN", lockReason: 7 } });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(["deviceName", "lockReason", "state"]);
    expect((await caller.call("PATCH", path, { body: { deviceName: "<script>" } })).status).toBe(400);
    expect((await caller.call("GET", path)).body).toMatchObject({ deviceName: "Simulated device", state: "ACTIVE" });
  });

  it("deletes a device (204)", async () => {
    const u = await onboardedUser(caller);
    const path = `${users}/${u.userId}/devices/${u.deviceId}`;
    expect((await caller.call("DELETE", path)).status).toBe(204);
    expect((await caller.call("GET", path)).status).toBe(404);
    expect((await caller.call("DELETE", path)).status).toBe(404);
    expect((await caller.call("GET", `${users}/${u.userId}/devices`)).body).toEqual([]);
  });

  it("hides another user's or account's device (404)", async () => {
    const a = await onboardedUser(caller);
    const b = await onboardedUser(caller);
    expect((await caller.call("GET", `${users}/${a.userId}/devices/${b.deviceId}`)).body.code).toBe("not_found");
    expect((await caller.call("PATCH", `${users}/${a.userId}/devices/${b.deviceId}`, { body: { state: "LOCKED" } })).status).toBe(404);
    expect((await caller.call("DELETE", `${users}/${a.userId}/devices/${b.deviceId}`)).status).toBe(404);
    const other = await otherAccountCaller(server);
    expect((await other.call("PATCH", `${users}/${a.userId}/devices/${a.deviceId}`, { body: { state: "LOCKED" } })).status).toBe(404);
    expect((await caller.call("GET", `${users}/${b.userId}/devices/${b.deviceId}`)).body.state).toBe("ACTIVE");
  });
});
