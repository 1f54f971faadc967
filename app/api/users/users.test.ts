// Support's actions on end-users and devices through the console API, against the
// emulator over real HTTP: each one asks for a reason, leaves an audit entry, and bad
// or stale requests change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { callerFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as overview from "./[userId]/route";
import * as userActions from "./[userId]/actions/route";
import * as deviceActions from "./[userId]/devices/[deviceId]/actions/route";
import * as transactions from "./[userId]/transactions/route";
import * as proofing from "../proofings/[dossierId]/[processId]/route";

let server: EmulatorServer;
let simulator: EmulatorCaller;
let support: StaffSession;
let tester: StaffSession;
let environmentId: string;
let userId: string;
let deviceId: string;

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  simulator = await callerFor(server, "emulator-default", "emulator-client", "emulator-secret");
  support = await staffWithRole("support");
  tester = await staffWithRole("tester");
  const started = await simulator.call("POST", "/reuseid/id-onboardings", { body: { externalRef: "support-1" } });
  const activation = await simulator.call("POST", "/simulator/activations", { body: { activationCode: started.body.data.activationCode, deviceName: "Kari's phone" } });
  await simulator.call("POST", `/simulator/proofings/${started.body.data.processId}`, { body: { outcome: "accepted" } });
  ({ userId, deviceId } = activation.body);
});
afterAll(() => server.close());

const q = () => `?environmentId=${environmentId}`;
const overviewOf = async () => (await json(await overview.GET(await apiRequest(`/api/users/${userId}${q()}`, { staff: support }), routeParams({ userId })))).body.data;
const onDevice = async (body: unknown, staff = support, id = deviceId) =>
  json(await deviceActions.POST(await apiRequest(`/api/users/${userId}/devices/${id}/actions${q()}`, { json: body, staff }), routeParams({ userId, deviceId: id })));

describe("support actions", () => {
  it("shows the user with devices, proofings and transactions", async () => {
    const data = await overviewOf();
    expect(data.user).toMatchObject({ userId, externalRef: "support-1", state: "ACTIVE", attributes: { firstName: "JANE" } });
    expect(data.devices).toHaveLength(1);
    expect(data.devices[0]).toMatchObject({ deviceId, deviceName: "Kari's phone", state: "ACTIVE" });
    expect(data.proofings).toHaveLength(1);
    expect(data.transactions.items[0]).toMatchObject({ type: "REGISTRATION" });
    const record = await json(await proofing.GET(await apiRequest(`/x${q()}`, { staff: support }), routeParams({ dossierId: data.proofings[0].dossierId, processId: data.proofings[0].processId })));
    expect(record.body.data.process.status).toBe("accepted");
    const page = await json(await transactions.GET(await apiRequest(`/x${q()}`, { staff: support }), routeParams({ userId })));
    expect(page.body.data.items.length).toBeGreaterThan(0);
  });

  it("locks and unlocks a device with a reason, recorded with who and why", async () => {
    expect((await onDevice({ action: "lock", reason: "Customer reported the phone stolen" })).status).toBe(200);
    let device = (await overviewOf()).devices[0];
    expect(device.state).toBe("LOCKED");
    expect(device.deviceDetails.lockReason).toBe("Customer reported the phone stolen");
    expect((await onDevice({ action: "unlock", reason: "Phone found again" })).status).toBe(200);
    device = (await overviewOf()).devices[0];
    expect(device.state).toBe("ACTIVE");
    const entries = await db.auditEntry.findMany({ where: { action: "device.action", actorId: support.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.detail, e.reason, e.outcome])).toEqual([
      ["lock", "Customer reported the phone stolen", "ok"],
      ["unlock", "Phone found again", "ok"],
    ]);
    expect(entries[0]).toMatchObject({ actorRole: "support", environmentId, target: `device ${deviceId} of user ${userId}` });
    expect(entries[0].traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses an empty reason, an unconfirmed delete, a tester, and a device that is gone — changing nothing", async () => {
    const empty = await onDevice({ action: "lock", reason: " " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.reason).toBeTruthy();
    const unconfirmed = await onDevice({ action: "delete", reason: "cleanup", confirm: "something else" });
    expect(unconfirmed.status).toBe(400);
    expect((await onDevice({ action: "lock", reason: "not my job" }, tester)).status).toBe(403);
    const gone = await onDevice({ action: "lock", reason: "stale page" }, support, "no-such-device");
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/does not exist/);
    expect((await overviewOf()).devices[0].state).toBe("ACTIVE");
  });

  it("renames, then deletes the device; locks and deletes the user", async () => {
    expect((await onDevice({ action: "rename", reason: "Customer asked", deviceName: "Work phone" })).status).toBe(200);
    expect((await overviewOf()).devices[0].deviceName).toBe("Work phone");
    expect((await onDevice({ action: "delete", reason: "Customer lost it", confirm: deviceId })).status).toBe(200);
    expect((await overviewOf()).devices).toHaveLength(0);

    const act = async (body: unknown) => json(await userActions.POST(await apiRequest(`/x${q()}`, { json: body, staff: support }), routeParams({ userId })));
    expect((await act({ action: "lock", reason: "Fraud suspected" })).status).toBe(200);
    expect((await overviewOf()).user.state).toBe("LOCKED");
    expect((await act({ action: "delete", reason: "GDPR erasure request", confirm: userId })).status).toBe(200);
    const after = await json(await overview.GET(await apiRequest(`/x${q()}`, { staff: support }), routeParams({ userId })));
    expect(after.status).toBe(404);
    expect(await db.auditEntry.count({ where: { action: "user.action", outcome: "ok" } })).toBe(2);
  });
});
