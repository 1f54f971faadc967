import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onboardedUser, otherAccountCaller, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const users = "/mobileid/core/users";
const names = (body: { invalidParams: { name: string }[] }) => body.invalidParams.map((p) => p.name).sort();

describe("create user", () => {
  it("creates a user (201) with the contract's shape", async () => {
    const res = await caller.call("POST", users, { body: { externalRef: "create-1", segment: "retail", attributes: { tier: "gold" } } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      userId: expect.any(String),
      externalRef: "create-1",
      segment: "retail",
      state: "ACTIVE",
      attributes: { tier: "gold" },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const empty = await caller.call("POST", users);
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ externalRef: null, segment: null, attributes: {} });
  });

  it("reports every invalid field", async () => {
    const res = await caller.call("POST", users, { body: { externalRef: "", segment: 4, attributes: { "bad key": "x", ok: 5 } } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_request_parameter");
    expect(names(res.body)).toEqual(["attributes.bad key", "attributes.ok", "externalRef", "segment"]);
    expect((await caller.call("POST", users, { body: "[1]" })).status).toBe(400);
  });

  it("refuses an externalRef another user of the account has with 409", async () => {
    await caller.call("POST", users, { body: { externalRef: "taken" } });
    const res = await caller.call("POST", users, { body: { externalRef: "taken" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("conflict");
  });
});

describe("resolve, get, update and delete", () => {
  it("resolves an externalRef, and says 400 without one and 404 for an unknown one", async () => {
    const created = await caller.call("POST", users, { body: { externalRef: "resolve-me" } });
    expect((await caller.call("GET", `${users}?externalRef=resolve-me`)).body.userId).toBe(created.body.userId);
    const missing = await caller.call("GET", users);
    expect(missing.status).toBe(400);
    expect(missing.body.invalidParams[0].name).toBe("externalRef");
    expect((await caller.call("GET", `${users}?externalRef=nobody`)).body.code).toBe("user_entity_does_not_exist");
  });

  it("patches state, segment, externalRef and attributes (merged; null removes)", async () => {
    const { body: user } = await caller.call("POST", users, { body: { externalRef: "patch-1", attributes: { a: "1", b: "2" } } });
    const res = await caller.call("PATCH", `${users}/${user.userId}`, { body: { state: "LOCKED", segment: "vip", externalRef: "patch-2", attributes: { a: null, c: "3" } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: user.userId, state: "LOCKED", segment: "vip", externalRef: "patch-2", attributes: { b: "2", c: "3" } });
    expect(res.body.attributes).not.toHaveProperty("a");
    expect((await caller.call("GET", `${users}/${user.userId}`)).body).toEqual(res.body);
  });

  it("refuses a bad PATCH field by field and changes nothing", async () => {
    const { body: user } = await caller.call("POST", users, { body: { externalRef: "patch-bad" } });
    const res = await caller.call("PATCH", `${users}/${user.userId}`, { body: { state: "DEACTIVATED", attributes: "x" } });
    expect(res.status).toBe(400);
    expect(names(res.body)).toEqual(["attributes", "state"]);
    await caller.call("POST", users, { body: { externalRef: "patch-other" } });
    expect((await caller.call("PATCH", `${users}/${user.userId}`, { body: { externalRef: "patch-other" } })).status).toBe(409);
    expect((await caller.call("GET", `${users}/${user.userId}`)).body).toEqual(user);
  });

  it("answers 404 user_entity_does_not_exist for unknown users on every verb", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const res = await caller.call(method, `${users}/unknown-user`, method === "PATCH" ? { body: {} } : {});
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("user_entity_does_not_exist");
    }
  });

  it("deletes a user with its devices (204), after which it is gone", async () => {
    const u = await onboardedUser(caller);
    const res = await caller.call("DELETE", `${users}/${u.userId}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await caller.call("GET", `${users}/${u.userId}`)).status).toBe(404);
    expect((await caller.call("GET", `${users}/${u.userId}/devices/${u.deviceId}`)).status).toBe(404);
    expect((await caller.call("DELETE", `${users}/${u.userId}`)).status).toBe(404);
  });

  it("keeps another account out of every user operation", async () => {
    const u = await onboardedUser(caller, { externalRef: "private-user" });
    const other = await otherAccountCaller(server);
    for (const [method, path, body] of [
      ["GET", `${users}/${u.userId}`],
      ["PATCH", `${users}/${u.userId}`, { state: "LOCKED" }],
      ["DELETE", `${users}/${u.userId}`],
      ["GET", `${users}/${u.userId}/devices`],
      ["GET", `${users}/${u.userId}/proofings`],
      ["GET", `${users}/${u.userId}/transactions`],
      ["POST", `${users}/${u.userId}/registrations`, {}],
    ] as const) {
      const res = await other.call(method, path, body ? { body } : {});
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await caller.call("GET", `${users}/${u.userId}`)).body.state).toBe("ACTIVE");
  });
});
