/**
 * Expiry of ReuseID flows, evaluated lazily: whenever a flow, its registration or its process
 * is read or acted on, whatever is due is applied first. No timers, and several processes
 * sharing the database agree, because every change is a conditional update that only the
 * first writer makes.
 *
 * An activation code lives 10 minutes from the start; a proofing 30 minutes from the
 * activation that began it. An expired flow's Assure process ends `failed` (failReason timeout).
 */
import { db } from "@/lib/db";
import type { EmuReuseFlow, EmuRegistration } from "@/lib/generated/prisma/client";

export const ACTIVATION_LIFETIME_MS = 10 * 60_000;
export const PROOFING_LIFETIME_MS = 30 * 60_000;

export const OPEN_PROCESS_STATUSES = ["pending", "processing"];

export function proofingExpiresAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + PROOFING_LIFETIME_MS);
}

async function expireFlow(flow: EmuReuseFlow, code: "activation_expired" | "proofing_expired", message: string, now: Date) {
  await db.$transaction(async (tx) => {
    const changed = await tx.emuReuseFlow.updateMany({
      where: { id: flow.id, status: "Pending" },
      data: { status: "Expired", errorCode: code, errorMessage: message },
    });
    if (changed.count === 0) return;
    if (code === "activation_expired" && flow.registrationId) {
      await tx.emuRegistration.updateMany({ where: { id: flow.registrationId, state: "PENDING" }, data: { state: "EXPIRED" } });
    }
    await tx.emuProcess.updateMany({
      where: { id: flow.processId, status: { in: OPEN_PROCESS_STATUSES } },
      data: { status: "failed", failReason: JSON.stringify({ type: "timeout", message }), updatedAt: now },
    });
  });
}

/** The flow with every due expiry applied. */
export async function settleFlow(flow: EmuReuseFlow, now = new Date()): Promise<EmuReuseFlow> {
  if (flow.status !== "Pending") return flow;
  if (flow.registrationId) {
    const registration = await db.emuRegistration.findUnique({ where: { id: flow.registrationId } });
    if (registration?.state === "PENDING" && registration.expiresAt <= now) {
      await expireFlow(flow, "activation_expired", "The activation code expired before a device was activated.", now);
      return db.emuReuseFlow.findUniqueOrThrow({ where: { id: flow.id } });
    }
  }
  const process = await db.emuProcess.findUnique({ where: { id: flow.processId } });
  if (process?.startedAt && OPEN_PROCESS_STATUSES.includes(process.status) && proofingExpiresAt(process.startedAt) <= now) {
    await expireFlow(flow, "proofing_expired", "The identity proofing was not finished within 30 minutes.", now);
    return db.emuReuseFlow.findUniqueOrThrow({ where: { id: flow.id } });
  }
  return flow;
}

/** The registration with its expiry applied (through its flow when it has one). */
export async function settleRegistration(registration: EmuRegistration, now = new Date()): Promise<EmuRegistration> {
  if (registration.state !== "PENDING" || registration.expiresAt > now) return registration;
  const flow = await db.emuReuseFlow.findFirst({ where: { registrationId: registration.id } });
  if (flow) await settleFlow(flow, now);
  await db.emuRegistration.updateMany({ where: { id: registration.id, state: "PENDING" }, data: { state: "EXPIRED" } });
  return db.emuRegistration.findUniqueOrThrow({ where: { id: registration.id } });
}

/** Settles the flow that owns a process, if any, before the process is read or changed. */
export async function settleProcess(processId: string, now = new Date()): Promise<void> {
  const flow = await db.emuReuseFlow.findFirst({ where: { processId } });
  if (flow) await settleFlow(flow, now);
}

/** Settles every pending flow of a dossier (one dossier has the processes of one flow here). */
export async function settleDossier(dossierId: string, now = new Date()): Promise<void> {
  const flows = await db.emuReuseFlow.findMany({ where: { dossierId, status: "Pending" } });
  for (const flow of flows) await settleFlow(flow, now);
}
