/**
 * What onboarding and step-up flows share: their `data` as the GET shows it, starting the
 * proofing (after an onboarding's activation or a step-up's approved authentication), and
 * ending a flow, which emits `reuseid.{onboarding|stepup}.{completed|failed|expired}` in the
 * same transaction. Ending is a conditional update: only the first writer ends a flow.
 */
import type { EmuProcess, EmuReuseFlow } from "@/lib/generated/prisma/client";
import { emitEvent, type EventName } from "./events";
import type { DbClient } from "./store/db-client";
import type { FlowParts } from "./store/flows";
import { failOpenProcess, getEmuProcess, startPendingProcess } from "./store/proofing-records";
import { getRegistration } from "./store/registrations";
import { endPendingFlow, getReuseFlowOrThrow } from "./store/reuse-flows";

export const PROOFING_LIFETIME_MS = 30 * 60_000;
export const OPEN_PROCESS_STATUSES = ["pending", "processing"];

export type UserData = { firstName: string; lastName: string; dateOfBirth: string; gender: string; nationality: string };

export type FlowData = {
  transactionId: string;
  userId: string;
  activationCode?: string;
  deviceId?: string;
  status: string;
  dossierId: string;
  processId: string;
  authenticationId?: string;
  proofingId?: string;
  userData?: UserData;
  error?: { code: string; message: string };
};

export type FlowKind = "onboarding" | "stepup";

export const flowKind = (flow: EmuReuseFlow): FlowKind => (flow.kind === "stepup" ? "stepup" : "onboarding");

export function flowDocTypes(flow: EmuReuseFlow): number[] {
  return flow.docTypes as number[];
}

/** A flow as GET /reuseid/id-onboardings/{id} or /reuseid/id-stepups/{id} shows it; `parts` read with the flow spare the reads. */
export async function flowData(flow: EmuReuseFlow, parts?: Partial<FlowParts>, client?: DbClient): Promise<FlowData> {
  const registration = flowKind(flow) === "stepup" || !flow.registrationId ? null : parts?.registration !== undefined ? parts.registration : await getRegistration(flow.registrationId, client);
  const process = flow.status !== "Completed" ? null : parts?.process !== undefined ? parts.process : await getEmuProcess(flow.processId, client);
  return flowDataOf(flow, { registration, process });
}

/** The same from the parts it shows: an onboarding's registration (its activation code) and a completed flow's process (its userData). */
export function flowDataOf(flow: EmuReuseFlow, { registration, process }: Pick<FlowParts, "registration" | "process">): FlowData {
  let data: FlowData;
  if (flowKind(flow) === "stepup") {
    data = { transactionId: flow.id, userId: flow.userId, deviceId: flow.deviceId ?? "", status: flow.status, dossierId: flow.dossierId, processId: flow.processId };
    if (flow.authenticationId) data.authenticationId = flow.authenticationId;
  } else {
    data = { transactionId: flow.id, userId: flow.userId, activationCode: registration?.activationCode ?? "", status: flow.status, dossierId: flow.dossierId, processId: flow.processId };
    if (flow.deviceId) data.deviceId = flow.deviceId; // decided: shown once a device is activated
  }
  if (flow.status === "Completed") {
    if (flow.proofingId) data.proofingId = flow.proofingId;
    const ocr = ((process?.providerSpecific ?? {}) as { ocr?: Record<string, string> }).ocr;
    if (ocr) data.userData = { firstName: ocr.firstName, lastName: ocr.lastName, dateOfBirth: ocr.dateOfBirth, gender: ocr.gender, nationality: ocr.nationality };
  }
  if (flow.errorCode) data.error = { code: flow.errorCode, message: flow.errorMessage ?? "" };
  return data;
}

export function processExpiresAt(process: Pick<EmuProcess, "startedAt" | "expiresAt">): Date | null {
  if (process.expiresAt) return process.expiresAt;
  return process.startedAt ? new Date(process.startedAt.getTime() + PROOFING_LIFETIME_MS) : null;
}

/** The device may now run the proofing: the process moves to `processing` and its 30 minutes start. */
export async function startFlowProofing(tx: DbClient, flow: EmuReuseFlow, now: Date): Promise<void> {
  await startPendingProcess(tx, flow.processId, now, new Date(now.getTime() + PROOFING_LIFETIME_MS));
}

export type FlowEnd = { status: "Completed" | "Failed" | "Expired" | "Cancelled"; errorCode?: string; errorMessage?: string; proofingId?: string | null };

const EVENT_OUTCOME: Record<FlowEnd["status"], "completed" | "failed" | "expired"> = {
  Completed: "completed",
  Failed: "failed",
  Cancelled: "failed", // decided: there is no cancelled event; a cancelled flow did not succeed
  Expired: "expired",
};

/** Ends a pending flow and emits its event; null when another writer ended it first. */
export async function endFlow(tx: DbClient, flow: EmuReuseFlow, end: FlowEnd): Promise<EmuReuseFlow | null> {
  const moved = await endPendingFlow(tx, flow.id, { status: end.status, errorCode: end.errorCode ?? null, errorMessage: end.errorMessage ?? null, proofingId: end.proofingId ?? null });
  if (!moved) return null;
  const ended = await getReuseFlowOrThrow(flow.id, tx);
  const eventName = `reuseid.${flowKind(ended)}.${EVENT_OUTCOME[end.status]}` as EventName;
  await emitEvent(tx, { accountId: ended.accountId, eventName, eventData: await flowData(ended, undefined, tx) });
  return ended;
}

/** Ends a flow that can no longer reach its proofing, with its process (still open) failed for that reason. */
export async function abandonFlow(tx: DbClient, flow: EmuReuseFlow, end: FlowEnd & { processStatus: "failed" | "canceled"; failType: string }, now: Date) {
  const ended = await endFlow(tx, flow, end);
  if (!ended) return null;
  await failOpenProcess(tx, flow.processId, OPEN_PROCESS_STATUSES, { status: end.processStatus, failReason: { type: end.failType, message: end.errorMessage ?? "" }, now });
  return ended;
}
