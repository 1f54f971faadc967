// Who sees a pending onboarding's activation code (issue 9, item 1): testers and admins, who may
// run flows; viewer and support learn that a code exists, nowhere the code — not in the flow
// answer, its result, its recorded exchanges, its exports or the user's registrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import type { StaffSession } from "@/lib/auth/roles";
import { deliveriesForViewer, HIDDEN_CODE, redactText } from "@/lib/flows/redaction";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { apiRequest, json, routeParams, staffWithRole } from "@/lib/testing/console";
import * as start from "./onboarding/route";
import * as one from "./[id]/route";
import * as exportOne from "./[id]/export/route";
import * as userOverview from "@/app/api/users/[userId]/route";
import * as userTransactions from "@/app/api/users/[userId]/transactions/route";

let server: EmulatorServer;
let environmentId: string;
const staff: Partial<Record<"admin" | "tester" | "support" | "viewer", StaffSession>> = {};

beforeAll(async () => {
  server = await startEmulatorServer();
  process.env.EMULATOR_INTERNAL_URL = server.baseUrl;
  await bootstrap();
  environmentId = (await db.environment.findFirstOrThrow({ where: { kind: "embedded" } })).id;
  for (const role of ["admin", "tester", "support", "viewer"] as const) staff[role] = await staffWithRole(role);
});
afterAll(() => server.close());

async function pendingOnboarding() {
  const started = await json(await start.POST(await apiRequest("/api/flows/onboarding", { json: { environmentId, externalRef: "code-visibility" }, staff: staff.tester })));
  expect(started.status).toBe(201);
  const flow = await db.flow.findUniqueOrThrow({ where: { id: started.body.data.id } });
  expect(flow.activationCode).toMatch(/^\d{10}$/);
  return { id: flow.id, code: flow.activationCode!, userId: flow.userId! };
}

const getFlow = async (id: string, who: StaffSession) => json(await one.GET(await apiRequest(`/api/flows/${id}`, { staff: who }), routeParams({ id })));
const exportFlow = async (id: string, who: StaffSession, format: "json" | "sh") =>
  (await exportOne.GET(await apiRequest(`/api/flows/${id}/export?format=${format}`, { staff: who }), routeParams({ id }))).text();

describe("activation codes in flow data", () => {
  it("are shown to testers and admins, in the flow and its recorded exchanges", async () => {
    const { id, code } = await pendingOnboarding();
    for (const who of [staff.tester!, staff.admin!]) {
      const flow = (await getFlow(id, who)).body.data;
      expect(flow).toMatchObject({ activationCode: code, activationCodeHidden: false });
      expect(JSON.stringify(flow.exchanges)).toContain(code);
    }
    expect(await exportFlow(id, staff.tester!, "json")).toContain(code);
  });

  it("are hidden from viewer and support everywhere in the flow answer and its exports, which say a code exists", async () => {
    const { id, code } = await pendingOnboarding();
    for (const who of [staff.viewer!, staff.support!]) {
      const answer = await getFlow(id, who);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({ status: "Pending", activationCode: null, activationCodeHidden: true });
      expect(JSON.stringify(answer.body)).not.toContain(code);
      expect(JSON.stringify(answer.body.data.result)).toContain(HIDDEN_CODE);
      expect(answer.body.data.exchanges.length).toBeGreaterThan(0);
      for (const format of ["json", "sh"] as const) expect(await exportFlow(id, who, format)).not.toContain(code);
    }
  });

  it("are hidden from support in the user's overview and registrations (defence in depth: the emulator does not list them there today)", async () => {
    const { code, userId } = await pendingOnboarding();
    const path = `/api/users/${userId}?environmentId=${environmentId}`;
    const asSupport = await (await userOverview.GET(await apiRequest(path, { staff: staff.support }), routeParams({ userId }))).text();
    expect(JSON.parse(asSupport).data).toBeTruthy();
    expect(asSupport).not.toContain(code);
    const transactions = await (
      await userTransactions.GET(await apiRequest(`/api/users/${userId}/transactions?environmentId=${environmentId}`, { staff: staff.support }), routeParams({ userId }))
    ).text();
    expect(transactions).not.toContain(code);
  });

  it("are hidden in delivery-log bodies and in text that is not JSON", () => {
    const body = JSON.stringify({ eventName: "mobileid.registration.completed", eventData: { registrationId: "r1", activationCode: "1234567890" } });
    expect(deliveriesForViewer([{ body }], staff.viewer)[0].body).not.toContain("1234567890");
    expect(deliveriesForViewer([{ body }], staff.tester)[0].body).toContain("1234567890");
    expect(redactText('{"activationCode":"1234567890", truncated')).not.toContain("1234567890");
    expect(redactText("https://console.test/authenticator?applicationId=a&code=1234567890")).not.toContain("1234567890");
  });
});
