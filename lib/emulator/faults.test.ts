import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchToken, otherAccountCaller, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { applyFaultSettings, faultApplies } from "./faults";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterEach(() => caller.call("DELETE", "/simulator/faults"));
afterAll(() => server.close());

const setFaults = (body: unknown) => caller.call("PUT", "/simulator/faults", { body });

describe("simulator faults", () => {
  it("stores, shows and clears the account's faults", async () => {
    const put = await setFaults({ latencyMs: 10, errorRate: 0.25, paths: ["/reuseid/*", "/emulator/assure/"] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ latencyMs: 10, errorRate: 0.25, paths: ["/reuseid/*", "/assure/"] });
    expect((await caller.call("GET", "/simulator/faults")).body).toEqual(put.body);
    expect((await caller.call("DELETE", "/simulator/faults")).status).toBe(204);
    expect((await caller.call("GET", "/simulator/faults")).body).toEqual({ latencyMs: 0, errorRate: 0, paths: [] });
  });

  it("refuses bad settings field by field", async () => {
    const res = await setFaults({ latencyMs: 30001, errorRate: 1.5, paths: ["reuseid"], expireNow: "yes" });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(["errorRate", "expireNow", "latencyMs", "paths[0]"]);
    expect((await setFaults({ latencyMs: -1 })).status).toBe(400);
    expect((await caller.call("GET", "/simulator/faults")).body.errorRate).toBe(0);
  });

  it("answers matching API calls with a contract-shaped 500, and leaves the rest alone", async () => {
    await setFaults({ errorRate: 1, paths: ["/reuseid/*"] });
    const res = await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: "internal_error", status: 500, traceId: res.headers.get("x-trace-id") });
    expect((await caller.call("GET", "/assure/signicatvideoid/document-types")).status).toBe(200);
    expect((await caller.call("GET", "/simulator/faults")).status).toBe(200);
    expect((await caller.call("POST", "/mobileid/core/users")).status).toBe(201);
  });

  it("uses the Assure error shape on Assure paths, and applies to every API path when no paths are given", async () => {
    await setFaults({ errorRate: 1 });
    const assure = await caller.call("GET", "/assure/signicatvideoid/document-types");
    expect(assure.status).toBe(500);
    expect(assure.body).toMatchObject({ type: "base:client-problem", status: 500, traceId: assure.headers.get("x-trace-id") });
    expect((await caller.call("GET", "/mobileid/core/users?externalRef=x")).status).toBe(500);
    expect(await fetchToken(server.baseUrl, caller.clientId, caller.clientSecret)).toEqual(expect.any(String)); // token endpoint untouched
  });

  it("faults the token endpoint only when a path names it", async () => {
    await setFaults({ errorRate: 1, paths: ["/auth/*"] });
    const res = await fetch(`${server.baseUrl}/auth/open/connect/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: caller.clientId, client_secret: caller.clientSecret }),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "server_error", error_description: expect.any(String) });
    expect((await caller.call("GET", "/assure/signicatvideoid/document-types")).status).toBe(200);
  });

  it("adds latency", async () => {
    await setFaults({ latencyMs: 150, paths: ["/assure/"] });
    const started = Date.now();
    expect((await caller.call("GET", "/assure/signicatvideoid/document-types")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("belongs to one account", async () => {
    await setFaults({ errorRate: 1 });
    const other = await otherAccountCaller(server);
    expect((await other.call("GET", "/assure/signicatvideoid/document-types")).status).toBe(200);
  });

  it("expireNow expires every pending code, authentication and proofing of the account", async () => {
    const waiting = (await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } })).body.data;
    const proofing = (await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } })).body.data;
    const activation = await caller.call("POST", "/simulator/activations", { body: { activationCode: proofing.activationCode } });
    const auth = await caller.call("POST", `/mobileid/core/users/${proofing.userId}/devices/${activation.body.deviceId}/authentications`);
    const res = await setFaults({ expireNow: true });
    expect(res.status).toBe(200);
    const expired = (await caller.call("GET", `/reuseid/id-onboardings/${waiting.transactionId}`)).body.data;
    expect(expired).toMatchObject({ status: "Expired", error: { code: "activation_expired" } });
    // Cut short on purpose, not left unused: the reason must not claim the 10 minutes ran out.
    expect(expired.error.message).toMatch(/expired early by the emulator/);
    expect(expired.error.message).not.toMatch(/10 minutes/);
    expect((await caller.call("GET", `/reuseid/id-onboardings/${proofing.transactionId}`)).body.data).toMatchObject({ status: "Expired", error: { code: "proofing_expired" } });
    const state = await caller.call("GET", `/mobileid/core/users/${proofing.userId}/devices/${activation.body.deviceId}/authentications/${auth.body.authenticationId}`);
    expect(state.body.state).toBe("EXPIRED");
  });
});

describe("which paths a fault covers", () => {
  it.each([
    [[], "/reuseid/id-onboardings", true],
    [[], "/auth/open/connect/token", false],
    [["/reuseid/*"], "/reuseid/id-stepups/1", true],
    [["/reuseid/*"], "/mobileid/core/users", false],
    [["/mobileid/core/users/*/devices"], "/mobileid/core/users/u1/devices", true],
    [["/mobileid/core/users/*/devices"], "/mobileid/core/users/u1", false],
    [["/assure"], "/assure/dossiers/x", true],
    [["*"], "/auth/open/connect/token", false],
    [["/auth/*"], "/auth/open/connect/token", true],
  ])("%j covers %s: %s", (paths, pathname, expected) => {
    expect(faultApplies({ latencyMs: 0, errorRate: 1, paths }, pathname)).toBe(expected);
  });
});

describe("applying a fault", () => {
  it("gives nothing to wait for when no fault covers the call, and fails it when one does", async () => {
    expect(applyFaultSettings({ latencyMs: 0, errorRate: 0, paths: [] }, "/reuseid/id-onboardings")).toBeUndefined();
    expect(applyFaultSettings({ latencyMs: 0, errorRate: 1, paths: ["/mobileid/*"] }, "/reuseid/id-onboardings")).toBeUndefined();
    await expect(applyFaultSettings({ latencyMs: 0, errorRate: 1, paths: [] }, "/reuseid/id-onboardings", () => 0)).rejects.toMatchObject({ status: 500 });
    await expect(applyFaultSettings({ latencyMs: 0, errorRate: 0.5, paths: [] }, "/reuseid/id-onboardings", () => 0.9)).resolves.toBeUndefined();
  });
});
