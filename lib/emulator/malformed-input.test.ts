// Malformed input never answers 500 and never changes anything: NUL characters and lone
// surrogates in any text field, malformed percent-encoding in any path, odd query parameters.
// The suite runs on SQLite and on PostgreSQL (where a NUL used to be a 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { answer, onboardedUser, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const counts = async () => ({ users: await db.emuUser.count(), flows: await db.emuReuseFlow.count(), subscriptions: await db.emuEventSubscription.count() });

describe("NUL and lone surrogates in JSON bodies", () => {
  it("refuse each field with 400 and its name, on every writing route, and store nothing", async () => {
    const { userId, deviceId } = await onboardedUser(caller);
    const before = await counts();
    const userBefore = (await caller.call("GET", `/mobileid/core/users/${userId}`)).body;
    // Raw JSON text: "\\ud800" is how a lone surrogate arrives over the wire.
    const cases: [string, string, string, string][] = [
      ["POST", "/mobileid/core/users", '{"externalRef":"a\\u0000b"}', "externalRef"],
      ["POST", "/mobileid/core/users", '{"externalRef":"\\ud800"}', "externalRef"],
      ["POST", "/mobileid/core/users", '{"attributes":{"firstName":"\\udc00x"}}', "attributes.firstName"],
      ["POST", "/mobileid/core/users", '{"attributes":{"a\\u0000":"x"}}', "attributes"],
      ["POST", "/reuseid/id-onboardings", '{"externalRef":"cust\\u0000","provider":"videoid"}', "externalRef"],
      ["POST", "/reuseid/id-onboardings", '{"input":{"eidProviderOptions":{"docTypes":[138]}},"externalRef":"\\ud83d"}', "externalRef"],
      ["POST", "/reuseid/id-stepups", `{"userId":"\\ud800","deviceId":"${deviceId}"}`, "userId"],
      ["POST", "/reuseid/id-stepups", `{"input":{"userId":"${userId}","deviceId":"d\\u0000"}}`, "input.deviceId"],
      ["PATCH", `/mobileid/core/users/${userId}`, '{"segment":"\\u0000"}', "segment"],
      ["PATCH", `/mobileid/core/users/${userId}/devices/${deviceId}`, '{"deviceName":"phone\\ud800"}', "deviceName"],
      ["POST", `/mobileid/core/users/${userId}/registrations`, '{"deviceName":"\\u0000"}', "deviceName"],
      ["POST", `/mobileid/core/users/${userId}/devices/${deviceId}/authentications`, '{"requestedUserAttributes":["firstName","\\ud800"]}', "requestedUserAttributes[1]"],
      ["POST", "/events/subscriptions", '{"url":"https://example.org/\\u0000","events":["*"]}', "url"],
      ["POST", "/events/subscriptions", '{"url":"https://example.org/h","secret":"12345678\\ud800","events":["*"]}', "secret"],
      ["POST", "/simulator/activations", '{"activationCode":"0000000000","deviceName":"\\u0000"}', "deviceName"],
      ["PUT", "/simulator/faults", '{"paths":["/reuseid/\\u0000"]}', "paths[0]"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await caller.call(method, path, { body });
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 400, "invalid_request_parameter"]);
      expect(res.body.invalidParams).toContainEqual({ name: field, reason: expect.stringMatching(/NUL|surrogate/) });
      expect(res.headers.get("x-trace-id")).toBe(res.body.traceId);
    }
    expect(await counts()).toEqual(before);
    expect((await caller.call("GET", `/mobileid/core/users/${userId}`)).body).toEqual(userBefore);
  });
});

describe("paths and query parameters", () => {
  it("answer malformed percent-encoding with 400 in the path's contract shape", async () => {
    for (const path of ["/reuseid/id-onboardings/%FF", "/mobileid/core/users/%E0%A4%A", "/mobileid/core/users/%ED%A0%80", "/encore/encap/devices/%C0"]) {
      const res = await caller.call("GET", path);
      expect([path, res.status, res.body.code, res.body.invalidParams]).toEqual([path, 400, "invalid_request_parameter", [{ name: "path", reason: "has malformed percent-encoding" }]]);
    }
    const assure = await caller.call("GET", "/assure/dossiers/%FF");
    expect([assure.status, assure.body.type, assure.body.instance]).toEqual([400, "base:client-problem", "/emulator/assure/dossiers/%FF"]);
  });

  it("refuse a NUL in a path segment or a query parameter with 400 naming it", async () => {
    const inPath = await caller.call("GET", "/mobileid/core/users/u%00");
    expect([inPath.status, inPath.body.invalidParams]).toEqual([400, [{ name: "path", reason: "must not contain NUL characters" }]]);
    const inQuery = await caller.call("GET", "/mobileid/core/users?externalRef=a%00b");
    expect([inQuery.status, inQuery.body.invalidParams]).toEqual([400, [{ name: "externalRef", reason: "must not contain NUL characters" }]]);
  });

  it("refuse a NUL in the token request with OAuth's invalid_request", async () => {
    for (const body of ["grant_type=client_credentials&client_id=emulator%00client&client_secret=x", "grant_type=client_credentials\u0000&client_id=a&client_secret=b"]) {
      const res = await answer(await fetch(`${server.baseUrl}/auth/open/connect/token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body }));
      expect([res.status, res.body.error]).toEqual([400, "invalid_request"]);
    }
  });
});
