// A start interrupted between recording the flow and Signicat's answer (kill -9 mid-start, issue 9
// item 10): past the start timeout it reads as Error with a reason, not Pending forever.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { START_TIMEOUT_MS } from "@/lib/flows/interrupted-start";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as list from "./route";
import * as one from "./[id]/route";

let tester: StaffSession;
let environmentId: string;

beforeAll(async () => {
  process.env.EMULATOR_INTERNAL_URL = "http://127.0.0.1:9/emulator";
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  tester = await staffWithRole("tester");
});

/** The row startFlow writes before it asks the API, as a killed process leaves it. */
const interruptedStart = (ageMs: number) =>
  db.flow.create({
    data: { type: "onboarding", status: "Pending", environmentId, startedById: tester.id, input: "{}", createdAt: new Date(Date.now() - ageMs), updatedAt: new Date(Date.now() - ageMs) },
  });

describe("an interrupted start", () => {
  it("is marked Error with a reason a tester understands once the start timeout has passed, when the flow is read", async () => {
    const flow = await interruptedStart(START_TIMEOUT_MS + 5_000);
    const answer = await json(await one.GET(await apiRequest(`/api/flows/${flow.id}`, { staff: tester }), routeParams({ id: flow.id })));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ status: "Error", errorCode: "start_interrupted", transactionId: null });
    expect(answer.body.data.errorMessage).toMatch(/interrupted before Signicat's answer was stored.*Start it again/);
    expect(answer.body.data.finishedAt).not.toBeNull();
    expect(answer.body.data.events.map((e: { name: string }) => e.name)).toEqual(["Error"]);
  });

  it("stays Pending while a start may still be running", async () => {
    const flow = await interruptedStart(5_000);
    const answer = await json(await one.GET(await apiRequest(`/api/flows/${flow.id}`, { staff: tester }), routeParams({ id: flow.id })));
    expect(answer.body.data.status).toBe("Pending");
  });

  it("is settled when History lists it, without anyone opening it", async () => {
    const flow = await interruptedStart(START_TIMEOUT_MS * 3);
    const listed = await json(await list.GET(await apiRequest("/api/flows?status=Error", { staff: tester })));
    expect(listed.status).toBe(200);
    expect(listed.body.data.items.map((f: { id: string }) => f.id)).toContain(flow.id);
    expect(await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ status: "Error", errorCode: "start_interrupted" });
  });
});
