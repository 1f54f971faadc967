// What every flow type shares: starting one (recorded even when the API refuses it) and
// following one (ask the API, move the state machine, record steps and status changes).
import { isDeepStrictEqual } from "node:util";
import { applyFlowTransition, createPendingFlow, getFlowToFollow, recordStartFailure, recordStarted } from "@/lib/data/queries/flows";
import { rememberEndUser } from "@/lib/end-users/directory";
import { clientFor } from "@/lib/environments";
import type { Environment, Flow } from "@/lib/generated/prisma/client";
import type { StaffSession } from "@/lib/auth/roles";
import type { SignicatClient } from "@/lib/signicat/client";
import { SignicatError } from "@/lib/signicat/errors";
import { settleInterruptedStart } from "./interrupted-start";
import { checkInterval } from "./watch-schedule";
import { isFinal, observe, type FlowStatus, type FlowStep, type FlowType } from "./state-machine";
import { subscribeToEvents } from "@/lib/events/subscription";

export class FlowStartError extends Error {
  constructor(
    readonly flowId: string,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The ids a flow learns from the API; undefined leaves a stored value as it is. */
export type FlowIds = Partial<Pick<Flow, "transactionId" | "userId" | "deviceId" | "proofingId" | "dossierId" | "processId" | "activationCode">>;

export type Started = { ids: FlowIds & { transactionId: string }; result: unknown; detail?: string };

export function describeError(error: unknown): string {
  return error instanceof SignicatError ? error.describe() : error instanceof Error ? error.message : String(error);
}

export async function startFlow(
  env: Environment,
  staff: StaffSession,
  flow: { type: FlowType; input: unknown; externalRef?: string | null; userId?: string | null; deviceId?: string | null },
  call: (client: SignicatClient) => Promise<Started>,
): Promise<string> {
  const row = await createPendingFlow({
    type: flow.type,
    environmentId: env.id,
    startedById: staff.id,
    externalRef: flow.externalRef ?? null,
    userId: flow.userId ?? null,
    deviceId: flow.deviceId ?? null,
    input: flow.input,
  });
  await subscribeToEvents(env); // before the flow exists upstream, so its events reach the receiver
  let started: Started;
  try {
    started = await call(clientFor(env, { flowId: row.id }));
  } catch (error) {
    const message = describeError(error);
    await recordStartFailure(row.id, error instanceof SignicatError ? error.code : "start_failed", message);
    throw new FlowStartError(row.id, error);
  }
  // The API started it: store what it said first, so a later hiccup cannot hide a live flow.
  await recordStarted(row.id, {
    ids: started.ids,
    result: started.result,
    pendingDetail: `transaction ${started.ids.transactionId}`,
    firstStep: observe(flow.type, { status: "Pending", steps: [] }, { apiStatus: "Pending", deviceDone: false }).newSteps[0],
    firstStepDetail: started.detail ?? null,
    nextCheckAt: firstCheckAt(),
  });
  const userId = started.ids.userId ?? flow.userId;
  if (userId) await rememberEndUser(env.id, { userId, externalRef: flow.externalRef });
  return row.id;
}

/** The watcher's first question about a flow that just started. */
const firstCheckAt = () => new Date(Date.now() + checkInterval(0));

/** What a flow type's follower learned from the API this time. */
export type Sighting = {
  apiStatus: string;
  deviceDone: boolean;
  processStatus?: string | null;
  ids?: FlowIds;
  result: unknown;
  error?: { code: string; message?: string } | null;
  stepDetails?: Partial<Record<FlowStep, string>>;
};

export type Follower = (client: SignicatClient, flow: Flow, steps: readonly string[]) => Promise<Sighting>;

/** The steps that move a flow's deadline from the activation code's expiry to the proofing's. */
export const DEVICE_STEPS: readonly FlowStep[] = ["device_activated", "device_approved"];

/** The flow as the check left it: what the watcher schedules the next check from. */
export type CheckedFlow = { status: string; createdAt: Date; deviceStepAt: Date | null };

/** `flow` is null when there is nothing to schedule: the flow is gone or was never started. */
export type RefreshOutcome = { refreshed: boolean; upstreamError: string | null; flow: CheckedFlow | null };

/**
 * Asks the API about a pending flow and applies what it learned. The caller has claimed the
 * check (lib/flows/watcher.ts), so one process asks at a time, however many people watch.
 */
export async function followFlow(flowId: string, followers: Record<FlowType, Follower>): Promise<RefreshOutcome> {
  const flow = await getFlowToFollow(flowId);
  if (flow && !flow.transactionId) return { refreshed: await settleInterruptedStart(flow), upstreamError: null, flow: null };
  if (!flow) return { refreshed: false, upstreamError: null, flow: null };
  const deviceStep = flow.events.filter((e) => e.kind === "step" && DEVICE_STEPS.includes(e.name as FlowStep)).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  const before: CheckedFlow = { status: flow.status, createdAt: flow.createdAt, deviceStepAt: deviceStep?.at ?? null };
  if (isFinal(flow.status)) return { refreshed: false, upstreamError: null, flow: before };

  const type = flow.type as FlowType;
  const steps = flow.events.filter((e) => e.kind === "step").map((e) => e.name);
  try {
    const seen = await followers[type](clientFor(flow.environment, { flowId: flow.id }), flow, steps);
    const transition = observe(type, { status: flow.status as FlowStatus, steps }, seen);
    // Most checks of a pending flow learn nothing new: those write nothing but the next check's time.
    if (changesFlow(flow, seen, transition)) await applyTransition(flow.id, seen, transition.status, transition.newSteps);
    const userId = seen.ids?.userId ?? flow.userId;
    const identity = (seen.result as { userData?: Record<string, unknown>; attributesAfter?: Record<string, unknown> }) ?? {};
    if (userId && transition.status === "Completed") await rememberEndUser(flow.environmentId, { userId, externalRef: flow.externalRef, attributes: identity.attributesAfter ?? identity.userData });
    const deviceStepAt = before.deviceStepAt ?? (transition.newSteps.some((s) => DEVICE_STEPS.includes(s)) ? new Date() : null);
    return { refreshed: true, upstreamError: null, flow: { status: transition.status, createdAt: flow.createdAt, deviceStepAt } };
  } catch (error) {
    // The flow stays as it was; the failed exchange is recorded and the page says so.
    return { refreshed: false, upstreamError: describeError(error), flow: before };
  }
}

/** Whether what the follower saw differs from the stored flow: a status, a step, an id, an error or the API's data. */
export function changesFlow(flow: Flow, seen: Sighting, transition: { status: FlowStatus; newSteps: readonly FlowStep[] }): boolean {
  if (transition.status !== flow.status || transition.newSteps.length || seen.error) return true;
  const ids = Object.entries(seen.ids ?? {}) as [keyof FlowIds, string | null | undefined][];
  if (ids.some(([key, value]) => value !== undefined && value !== flow[key])) return true;
  // Compared as values: PostgreSQL's jsonb gives the keys back in an order of its own.
  return seen.result !== undefined && seen.result !== null && !isDeepStrictEqual(seen.result, flow.result);
}

async function applyTransition(flowId: string, seen: Sighting, status: FlowStatus, newSteps: FlowStep[]) {
  const final = isFinal(status);
  await applyFlowTransition(
    flowId,
    {
      ids: seen.ids,
      status,
      result: seen.result,
      errorCode: seen.error?.code ?? undefined,
      errorMessage: seen.error?.message ?? (final && status !== "Completed" ? `The flow ended ${status}.` : undefined),
      final,
      newSteps: newSteps.map((name) => ({ name, detail: seen.stepDetails?.[name] ?? null })),
      statusDetail: seen.error ? `${seen.error.code}: ${seen.error.message ?? ""}` : null,
    },
    isFinal,
  );
}
