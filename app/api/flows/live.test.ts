// The push-based flow page's server side on a real database, with the emulator over real HTTP:
// the watcher claims each check once however many ask, repeated answers fold into one row, an
// update carries only what changed, and the live stream pushes the flow's steps as they happen.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseProvider, db } from "@/lib/data/db";
import { claimFlowCheck, scheduleFlowCheck } from "@/lib/data/queries/flows";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { checkDueFlows, checkFlowIfDue } from "@/lib/flows/watcher";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { callerFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as start from "./onboarding/route";
import * as one from "./[id]/route";
import * as stream from "./[id]/stream/route";

let server: EmulatorServer;
let simulator: EmulatorCaller;
let tester: StaffSession;
let viewer: StaffSession;
let environmentId: string;

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  simulator = await callerFor(server, "emulator-default", "emulator-client", "emulator-secret");
  tester = await staffWithRole("tester");
  viewer = await staffWithRole("viewer");
});
afterAll(() => server.close());

async function startOnboarding(): Promise<string> {
  const started = await json(await start.POST(await apiRequest("/api/flows/onboarding", { json: { environmentId }, staff: tester })));
  expect(started.status).toBe(201);
  return started.body.data.id;
}
const makeDue = (id: string) => db.flow.update({ where: { id }, data: { nextCheckAt: new Date(Date.now() - 1) } });
const getFlow = async (id: string, since?: string, staff = viewer) =>
  json(await one.GET(await apiRequest(`/api/flows/${id}${since ? `?since=${encodeURIComponent(since)}` : ""}`, { staff }), routeParams({ id })));

/** The flow's live stream as this staff member reads it, and a way to read it until a text shows. */
async function openStream(id: string, since: string, staff: StaffSession) {
  const controller = new AbortController();
  const request = new Request(new URL(`/api/flows/${id}/stream?since=${encodeURIComponent(since)}`, "http://127.0.0.1"), {
    headers: (await apiRequest("/x", { staff })).headers,
    signal: controller.signal,
  });
  const response = await stream.GET(request, routeParams({ id }));
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const read = { text: "" };
  const readUntil = async (needle: string) => {
    const deadline = Date.now() + 10_000;
    while (!read.text.includes(needle)) {
      if (Date.now() > deadline) throw new Error(`no ${needle} in ${read.text.slice(-500)}`);
      const { value, done } = await reader.read();
      if (done) break;
      read.text += decoder.decode(value);
    }
    expect(read.text).toContain(needle);
  };
  return { response, read, readUntil, close: () => controller.abort() };
}

describe("the flow watcher", () => {
  it("schedules the first check of a new flow about 1.5 s out, and claims each due check for one caller only", async () => {
    const before = Date.now();
    const id = await startOnboarding();
    const started = Date.now();
    const flow = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(flow.nextCheckAt!.getTime() - before).toBeGreaterThanOrEqual(1_400);
    expect(flow.nextCheckAt!.getTime() - started).toBeLessThanOrEqual(1_500);
    // Not due yet: a page request does not make the console ask.
    expect(await checkFlowIfDue(id)).toBe(false);

    await makeDue(id);
    const asked = await Promise.all(Array.from({ length: 5 }, () => checkFlowIfDue(id)));
    expect(asked.filter(Boolean)).toHaveLength(1);
    const after = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(after.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
    expect(after.checkError).toBeNull();
  });

  it("leaves updatedAt alone when it claims a check and moves it with the check's outcome, so a page reads the flow once per check", async () => {
    const id = await startOnboarding();
    await makeDue(id);
    const due = await db.flow.findUniqueOrThrow({ where: { id } });
    const leaseUntil = new Date(Date.now() + 30_000);
    expect(await claimFlowCheck(id, new Date(), leaseUntil)).toBe(true);
    expect(await claimFlowCheck(id, new Date(), leaseUntil)).toBe(false);
    const claimed = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(claimed.nextCheckAt).toEqual(leaseUntil);
    expect(claimed.updatedAt).toEqual(due.updatedAt);

    await new Promise((resolve) => setTimeout(resolve, 5));
    // Far out, so that this flow is not due during the tests that follow.
    await scheduleFlowCheck(id, new Date(Date.now() + 10 * 60_000), "Signicat did not answer");
    const scheduled = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(scheduled.checkError).toBe("Signicat did not answer");
    expect(scheduled.updatedAt.getTime()).toBeGreaterThan(due.updatedAt.getTime());
    expect((await getFlow(id)).body.data.upstreamError).toBe("Signicat did not answer");
  });

  it("records a pending flow asked 80 times (2 minutes of watching) in a handful of rows, and sends small updates", async () => {
    const id = await startOnboarding();
    // The page's cursor comes from a check more than the update's overlap after the run began.
    await makeDue(id);
    await checkDueFlows();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await makeDue(id);
    await checkDueFlows();
    const first = (await getFlow(id)).body.data;
    for (let i = 2; i < 80; i++) {
      await makeDue(id);
      expect(await checkDueFlows()).toBeGreaterThanOrEqual(1);
    }
    const rows = await db.apiExchange.findMany({ where: { flowId: id }, orderBy: { createdAt: "asc" } });
    expect(rows.length).toBeLessThanOrEqual(20);
    const polls = rows.find((x) => x.method === "GET" && x.url.includes("/id-onboardings/"))!;
    expect(polls.count).toBe(80);
    expect(polls.lastAt.getTime()).toBeGreaterThan(polls.createdAt.getTime());

    // The page holds the flow from before: the update since its cursor patches the grown run.
    const update = await getFlow(id, first.cursor);
    expect(update.status).toBe(200);
    const text = JSON.stringify(update.body);
    expect(text.length).toBeLessThan(5_000);
    const patch = update.body.data.exchanges.find((x: { id: string }) => x.id === polls.id);
    expect(patch).toEqual({ id: polls.id, count: 80, lastAt: polls.lastAt.toISOString(), durationMs: polls.durationMs, traceId: polls.traceId });
    // The whole flow still has every body, and the counts add up to the calls made.
    const whole = (await getFlow(id)).body.data;
    expect(whole.exchanges.find((x: { id: string }) => x.id === polls.id).responseBody).toContain("Pending");
  }, 90_000);

  it("checks a pending flow whose next check a migration wrote in the database's own date format", async () => {
    const id = await startOnboarding();
    // What the upgrade migration leaves for flows that were pending before the watcher existed.
    if (databaseProvider() === "sqlite") await db.$executeRawUnsafe(`UPDATE "Flow" SET "nextCheckAt" = CURRENT_TIMESTAMP WHERE "id" = ?`, id);
    else await db.$executeRawUnsafe(`UPDATE "Flow" SET "nextCheckAt" = CURRENT_TIMESTAMP WHERE "id" = $1`, id);
    const calls = async () => (await db.apiExchange.aggregate({ where: { flowId: id }, _sum: { count: true } }))._sum.count ?? 0;
    const before = await calls();
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // CURRENT_TIMESTAMP has whole seconds
    expect(await checkFlowIfDue(id)).toBe(true);
    const after = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(after.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await calls()).toBeGreaterThan(before); // it asked Signicat
  });

  it("refuses a cursor that is not a date with the console's error shape", async () => {
    const id = await startOnboarding();
    const bad = await getFlow(id, "yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.since).toMatch(/ISO date-time/);
  });

  it("writes nothing but the next check's time when a check learns nothing new, and the change when it does", async () => {
    const id = await startOnboarding();
    await makeDue(id);
    await checkDueFlows(); // the first check stores the API's answer
    const transactions = vi.spyOn(db, "$transaction");
    try {
      await makeDue(id);
      expect(await checkDueFlows()).toBe(1);
      expect(transactions).not.toHaveBeenCalled();
      const unchanged = await db.flow.findUniqueOrThrow({ where: { id } });
      expect(unchanged.status).toBe("Pending");
      expect(unchanged.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());

      const { activationCode } = unchanged;
      expect((await simulator.call("POST", "/simulator/activations", { body: { activationCode } })).status).toBe(200);
      transactions.mockClear(); // the emulator runs in this process and writes the activation in one
      await makeDue(id);
      await checkDueFlows();
      expect(transactions).toHaveBeenCalled();
    } finally {
      transactions.mockRestore();
    }
    const steps = await db.flowEvent.findMany({ where: { flowId: id, kind: "step" }, select: { name: true } });
    expect(steps.map((s) => s.name)).toContain("device_activated");
    const activated = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(activated.deviceId).toBeTruthy();
    // Its deadline is now the proofing's (30 min), so the watcher goes on asking.
    expect(activated.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("gives no next check to a flow another check finished meanwhile, and leaves a deleted one alone", async () => {
    const id = await startOnboarding();
    await db.flow.update({ where: { id }, data: { status: "Completed", nextCheckAt: null } });
    await scheduleFlowCheck(id, new Date(Date.now() + 1_500), "timeout");
    const finished = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(finished.nextCheckAt).toBeNull();
    expect(finished.checkError).toBe("timeout");
    await db.flow.delete({ where: { id } });
    await expect(scheduleFlowCheck(id, new Date(Date.now() + 1_500), null)).resolves.toBeUndefined();
  });

  it("stops asking at the deadline and once the flow is final", async () => {
    const id = await startOnboarding();
    // An onboarding whose activation code expired long ago: the check sees it end and stops.
    await db.flow.update({ where: { id }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
    await simulator.call("PUT", "/simulator/faults", { body: { expireNow: true } });
    await makeDue(id);
    await checkDueFlows();
    const flow = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(flow.nextCheckAt).toBeNull();
  });
});

describe("the live stream", () => {
  it("pushes each step of an onboarding as it happens and ends when the flow is final", async () => {
    const id = await startOnboarding();
    const initial = (await getFlow(id)).body.data;
    const { activationCode } = await db.flow.findUniqueOrThrow({ where: { id } }); // the viewer's copy has none
    const live = await openStream(id, initial.cursor, viewer);
    expect(live.response.status).toBe(200);
    expect(live.response.headers.get("content-type")).toContain("text/event-stream");
    await live.readUntil("event: update");

    const activation = await simulator.call("POST", "/simulator/activations", { body: { activationCode } });
    expect(activation.status).toBe(200);
    await makeDue(id);
    await checkDueFlows();
    await live.readUntil('"name":"device_activated"');

    const proofed = await simulator.call("POST", `/simulator/proofings/${initial.processId}`, { body: { outcome: "accepted", persona: "jane-smith" } });
    expect(proofed.status).toBe(200);
    await makeDue(id);
    await checkDueFlows();
    await live.readUntil("event: end");
    const text = live.read.text;
    expect(text).toContain('"status":"Completed"');
    // Updates carry what is new, not the flow so far: the largest is the one with the proofing's answers.
    const sizes = text
      .split("\n\n")
      .filter((b) => b.startsWith("event: update"))
      .map((b) => b.length);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThan(12_000);
    live.close();
  });

  it("never sends a viewer the activation code, a link carrying it or its QR; a tester's stream has it", async () => {
    const id = await startOnboarding();
    const { activationCode } = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(activationCode).toMatch(/^\d{10}$/);

    // From the start of the flow (since 0): every exchange whole, bodies included.
    const asViewer = await openStream(id, new Date(0).toISOString(), viewer);
    await asViewer.readUntil("event: update");
    await makeDue(id);
    await checkDueFlows();
    await asViewer.readUntil("/id-onboardings/");
    asViewer.close();
    expect(asViewer.read.text).toContain('"activationCodeHidden":true');
    expect(asViewer.read.text).toContain('"activationCode":null');
    expect(asViewer.read.text).not.toContain(activationCode!);
    expect(asViewer.read.text).not.toMatch(/[?&]code=\d/);

    // The polling fallback answers the same.
    const polled = await getFlow(id, new Date(0).toISOString());
    expect(JSON.stringify(polled.body)).not.toContain(activationCode!);

    const asTester = await openStream(id, new Date(0).toISOString(), tester);
    await asTester.readUntil(activationCode!);
    asTester.close();
    expect(asTester.read.text).toContain('"activationCodeHidden":false');
  });

  it("answers 404 in the console's error shape for a flow that does not exist", async () => {
    const response = await json(await stream.GET(await apiRequest("/api/flows/nope/stream", { staff: viewer }), routeParams({ id: "nope" })));
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});
