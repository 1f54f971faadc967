/**
 * Expiry, evaluated lazily: whenever a flow, registration, authentication or process is read or
 * acted on, whatever is due is applied first (and `sweepExpired` applies it in the background,
 * so expiry events go out without anyone polling). Several processes sharing the database
 * agree, because every change is a conditional update that only the first writer makes.
 *
 * Lifetimes (decided): an activation code 10 minutes; an authentication 5 minutes; a proofing
 * 30 minutes from the activation or approved authentication that began it. An expired flow's
 * Assure process ends `failed` (failReason timeout).
 */
import type { EmuAuthentication, EmuRegistration, EmuReuseFlow } from "@/lib/generated/prisma/client";
import { abandonFlow, OPEN_PROCESS_STATUSES, processExpiresAt, PROOFING_LIFETIME_MS } from "./flows";
import { ACTIVATION_LIFETIME_MS } from "./registrations";
import { moveAccountExpiriesTo } from "./store/account-data";
import { expirePendingAuthentication, getAuthentication, getAuthenticationOrThrow, listDueAuthentications } from "./store/authentications";
import { inTransaction } from "./store/db-client";
import type { FlowParts } from "./store/flows";
import { getEmuProcess, listDueProcessIds } from "./store/proofing-records";
import { expirePendingRegistration, getRegistration, getRegistrationOrThrow, listDueRegistrations } from "./store/registrations";
import { findFlowOfProcess, findFlowOfRegistration, getReuseFlow, getReuseFlowOrThrow, listPendingFlowsOfDossier } from "./store/reuse-flows";

export const AUTHENTICATION_LIFETIME_MS = 5 * 60_000;

type ExpiryCode = "activation_expired" | "authentication_expired" | "proofing_expired";

const EXPIRY_MESSAGES: Record<ExpiryCode, string> = {
  activation_expired: "The activation code was not used within 10 minutes.",
  authentication_expired: "The authentication on the device was not answered within 5 minutes.",
  proofing_expired: "The identity proofing was not finished within 30 minutes.",
};

/** When the simulator's expireNow cut a lifetime short, the message must not claim the full one ran out. */
const FORCED_EXPIRY_MESSAGES: Record<ExpiryCode, string> = {
  activation_expired: "The activation code was expired early by the emulator (expire now), before a device was activated.",
  authentication_expired: "The authentication was expired early by the emulator (expire now), before the device answered.",
  proofing_expired: "The identity proofing was expired early by the emulator (expire now), before it was finished.",
};

/** True when something's expiry was moved before the end of its natural lifetime (expireNow). */
const expiredEarly = (startedAt: Date | null | undefined, expiresAt: Date | null | undefined, lifetimeMs: number) =>
  !!startedAt && !!expiresAt && expiresAt.getTime() < startedAt.getTime() + lifetimeMs - 1000;

async function expireFlow(flow: EmuReuseFlow, code: ExpiryCode, now: Date, early = false): Promise<EmuReuseFlow> {
  const errorMessage = (early ? FORCED_EXPIRY_MESSAGES : EXPIRY_MESSAGES)[code];
  await inTransaction(async (tx) => {
    const ended = await abandonFlow(tx, flow, { status: "Expired", errorCode: code, errorMessage, processStatus: "failed", failType: "timeout" }, now);
    if (!ended) return;
    if (code === "activation_expired" && flow.registrationId) {
      await expirePendingRegistration(flow.registrationId, tx);
    }
    if (code === "authentication_expired" && flow.authenticationId) {
      await expirePendingAuthentication(flow.authenticationId, tx);
    }
  });
  return getReuseFlowOrThrow(flow.id);
}

/** The flow with every due expiry applied; `parts`, when the caller read them with the flow, spare the reads. */
export async function settleFlow(flow: EmuReuseFlow, now = new Date(), parts?: FlowParts): Promise<EmuReuseFlow> {
  if (flow.status !== "Pending") return flow;
  return settleFlowWithParts(flow, now, parts ?? (await readFlowParts(flow)));
}

/**
 * The same, judged on parts already read: the flow itself, with no promise made, when nothing is
 * due (a GET's usual case, where each promise also pays for the async hooks Next turns on).
 */
export function settleFlowWithParts(flow: EmuReuseFlow, now: Date, { registration, authentication, process }: FlowParts): EmuReuseFlow | Promise<EmuReuseFlow> {
  if (flow.status !== "Pending") return flow;
  if (flow.registrationId && registration?.state === "PENDING" && registration.expiresAt <= now)
    return expireFlow(flow, "activation_expired", now, expiredEarly(registration.createdAt, registration.expiresAt, ACTIVATION_LIFETIME_MS));
  if (flow.authenticationId && authentication?.state === "PENDING" && authentication.expiresAt <= now)
    return expireFlow(flow, "authentication_expired", now, expiredEarly(authentication.createdAt, authentication.expiresAt, AUTHENTICATION_LIFETIME_MS));
  const ends = process && OPEN_PROCESS_STATUSES.includes(process.status) ? processExpiresAt(process) : null;
  if (ends && ends <= now) return expireFlow(flow, "proofing_expired", now, expiredEarly(process?.startedAt, ends, PROOFING_LIFETIME_MS));
  return flow;
}

async function readFlowParts(flow: EmuReuseFlow): Promise<FlowParts> {
  return {
    registration: flow.registrationId ? await getRegistration(flow.registrationId) : null,
    authentication: flow.authenticationId ? await getAuthentication(flow.authenticationId) : null,
    process: await getEmuProcess(flow.processId),
  };
}

/** The registration with its expiry applied (through its flow when it has one). */
export async function settleRegistration(registration: EmuRegistration, now = new Date()): Promise<EmuRegistration> {
  if (registration.state !== "PENDING" || registration.expiresAt > now) return registration;
  const flow = await findFlowOfRegistration(registration.id);
  if (flow) await settleFlow(flow, now);
  await expirePendingRegistration(registration.id);
  return getRegistrationOrThrow(registration.id);
}

/** The authentication with its expiry applied (through its step-up flow when it has one). */
export async function settleAuthentication(authentication: EmuAuthentication, now = new Date()): Promise<EmuAuthentication> {
  if (authentication.state !== "PENDING" || authentication.expiresAt > now) return authentication;
  const flow = authentication.flowId ? await getReuseFlow(authentication.flowId) : null;
  if (flow) await settleFlow(flow, now);
  await expirePendingAuthentication(authentication.id);
  return getAuthenticationOrThrow(authentication.id);
}

/** Settles the flow that owns a process, if any, before the process is read or changed. */
export async function settleProcess(processId: string, now = new Date()): Promise<void> {
  const flow = await findFlowOfProcess(processId);
  if (flow) await settleFlow(flow, now);
}

/** Settles every pending flow of a dossier (one dossier has the processes of one flow here). */
export async function settleDossier(dossierId: string, now = new Date()): Promise<void> {
  const flows = await listPendingFlowsOfDossier(dossierId);
  for (const flow of flows) await settleFlow(flow, now);
}

/** Applies every expiry that is due (of one account, or all), so the expiry events go out without a reader. */
export async function sweepExpired(accountId?: string, now = new Date()): Promise<void> {
  const registrations = await listDueRegistrations(now, accountId);
  for (const registration of registrations) await settleRegistration(registration, now);
  const authentications = await listDueAuthentications(now, accountId);
  for (const authentication of authentications) await settleAuthentication(authentication, now);
  for (const processId of await listDueProcessIds(now, accountId)) await settleProcess(processId, now);
}

/** The simulator's `expireNow`: every pending code, authentication and proofing of the account expires at once. */
export async function expireAccountNow(accountId: string, now = new Date()): Promise<void> {
  await moveAccountExpiriesTo(accountId, now);
  await sweepExpired(accountId, now);
}
