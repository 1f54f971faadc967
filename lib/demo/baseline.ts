/**
 * Reset to baseline: forget everything of the Demo environment (its emulator account's users,
 * devices, flows and proofings, and the console's flows, exchanges and remembered end-users of
 * it), then play a few days of history into it so Overview's charts and History are not empty.
 * The history is played for real, over HTTP through the same Signicat client the console uses,
 * with the emulator's simulator in the phone's place; only the dates are moved into the past.
 * Nothing outside the Demo environment is touched; the audit trail keeps its entries.
 */
import { deleteEnvironmentRecords, getBaselineFlow, getBaselineFlowStatus, getFlowCheckError, listFlowStatuses, shiftFlowIntoThePast } from "@/lib/data/queries/demo";
import type { StaffSession } from "@/lib/auth/roles";
import { clientFor } from "@/lib/environments";
import { resetAccount } from "@/lib/emulator/simulator";
import type { Environment } from "@/lib/generated/prisma/client";
import { startAuthentication } from "@/lib/flows/authentication";
import { isFinal } from "@/lib/flows/state-machine";
import { startOnboarding } from "@/lib/flows/onboarding";
import { startStepUp } from "@/lib/flows/stepup";
import { checkFlowNow } from "@/lib/flows/watcher";
import { DEMO_ACCOUNT_ID, ensureDemoEnvironment } from "./environment";

type Outcome = "accepted" | "rejected" | "failed";
type Onboarded = { userId: string; deviceId: string };

/** Who the baseline onboards, how it ends, and how many days ago. */
export const BASELINE_ONBOARDINGS: { persona: string; outcome: Outcome; daysAgo: number }[] = [
  { persona: "jane-smith", outcome: "accepted", daysAgo: 6 },
  { persona: "joao-santos", outcome: "accepted", daysAgo: 5 },
  { persona: "elsa-lindqvist", outcome: "rejected", daysAgo: 5 },
  { persona: "hans-juergen-weber", outcome: "accepted", daysAgo: 4 },
  { persona: "aino-virtanen", outcome: "accepted", daysAgo: 3 },
  { persona: "lucia-garcia", outcome: "failed", daysAgo: 2 },
  { persona: "sam-van-dijk", outcome: "accepted", daysAgo: 1 },
];

export type BaselineSummary = { environmentId: string; flows: number; completed: number; failed: number };

/** Forgets the Demo environment's records, in the emulator and in the console. */
export async function clearDemoEnvironment(env: Environment): Promise<void> {
  await resetAccount(DEMO_ACCOUNT_ID);
  await deleteEnvironmentRecords(env.id);
}

export async function resetDemoToBaseline(staff: StaffSession): Promise<BaselineSummary> {
  const env = await ensureDemoEnvironment();
  await clearDemoEnvironment(env);
  const client = clientFor(env);
  const flowIds: string[] = [];
  const onboarded = new Map<string, Onboarded>();

  for (const seed of BASELINE_ONBOARDINGS) {
    const flowId = await startOnboarding(env, staff, { environmentId: env.id, provider: "videoid", docTypes: [], bodyShape: "current", externalRef: `demo-${seed.persona}` });
    const flow = await getBaselineFlow(flowId);
    const device = (await client.simulateActivation<Onboarded>(flow.activationCode!, "Demo phone")).data;
    await client.simulateProofing(flow.processId!, { outcome: seed.outcome, persona: seed.persona });
    await followToTheEnd(flowId);
    await moveIntoThePast(flowId, seed.daysAgo);
    flowIds.push(flowId);
    if (seed.outcome === "accepted") onboarded.set(seed.persona, device);
  }

  // A completed step-up, a reuse authentication approved and one the customer rejected.
  const jane = onboarded.get("jane-smith")!;
  const stepUpId = await startStepUp(env, staff, { environmentId: env.id, provider: "videoid", docTypes: [], bodyShape: "current", ...jane });
  const stepUp = await getBaselineFlow(stepUpId);
  const stepUpAuthentication = ((stepUp.result ?? {}) as { authenticationId?: string }).authenticationId!;
  await client.simulateAuthenticationDecision(stepUpAuthentication, "approve");
  await client.simulateProofing(stepUp.processId!, { outcome: "accepted", persona: "jane-smith" });
  flowIds.push(await finishAuthenticationLike(stepUpId, 3));

  for (const [persona, decision, daysAgo] of [
    ["joao-santos", "approve", 2],
    ["hans-juergen-weber", "reject", 1],
  ] as const) {
    const who = onboarded.get(persona)!;
    const id = await startAuthentication(env, staff, {
      environmentId: env.id,
      ...who,
      preOperationContext: "Sign in to the demo bank",
      postOperationContext: undefined,
      requestedUserAttributes: ["firstName"],
    });
    const flow = await getBaselineFlow(id);
    await client.simulateAuthenticationDecision(flow.transactionId!, decision);
    flowIds.push(await finishAuthenticationLike(id, daysAgo));
  }

  const finished = await listFlowStatuses(flowIds);
  return {
    environmentId: env.id,
    flows: finished.length,
    completed: finished.filter((f) => f.status === "Completed").length,
    failed: finished.filter((f) => f.status !== "Completed").length,
  };
}

async function finishAuthenticationLike(flowId: string, daysAgo: number): Promise<string> {
  await followToTheEnd(flowId);
  await moveIntoThePast(flowId, daysAgo);
  return flowId;
}

/** Follows a flow to its end through the watcher's own check, taken now rather than on its schedule. */
async function followToTheEnd(flowId: string): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt++) {
    await checkFlowNow(flowId);
    if (isFinal(await getBaselineFlowStatus(flowId))) return;
    const checkError = await getFlowCheckError(flowId);
    if (checkError) throw new Error(`the baseline flow could not be followed: ${checkError}`);
  }
  throw new Error("a baseline flow did not finish");
}

/** Shifts a finished flow, its events and its exchanges by whole days. */
async function moveIntoThePast(flowId: string, daysAgo: number): Promise<void> {
  await shiftFlowIntoThePast(flowId, daysAgo * 86_400_000);
}
