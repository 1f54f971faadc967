/**
 * The Signicat Events receiver: an event POSTed to /api/events/{environmentId} is checked (the
 * environment's events secret signs the exact body), accepted once per event id, and makes the
 * console refresh each pending flow it names at once, through the same follower the watcher and
 * the flow page use. The event's eventData is not applied as it is: Signicat's signing scheme is
 * not public, so the event only says "look now", and the API's answer is what the flow records.
 * The watcher stays the safety net for an event that never comes.
 */
import { decryptSecret } from "@/lib/crypto/encryption-key";
import { forgetEvent, findPendingFlowsFor, getEventReceiver, noteEventFlows, pruneExpiredEvents, recordEventOnFlow, rememberEvent } from "@/lib/data/queries/events";
import { checkFlowNow } from "@/lib/flows/watcher";
import { ApiError } from "@/lib/http/api-error";
import { refuseUnsafeText } from "@/lib/http/json-input";
import { log } from "@/lib/log";
import { eventEnvelope, idsInEventData, type EventEnvelope } from "./envelope";
import { SIGNATURE_HEADER, signatureMatches } from "./signature";

/** Answer within this even when refreshing takes longer (a slow API): Signicat retries what is not acknowledged. */
const ANSWER_WITHIN_MS = 2_000;
/** A seen id is kept until the event's expiresAt, but not longer than this. */
const MAX_KEEP_MS = 31 * 24 * 3600_000;
const PRUNE_EVERY_MS = 60_000;

export type ReceiveOutcome = { outcome: "accepted"; eventId: string; eventName: string; flowIds: string[] } | { outcome: "duplicate"; eventId: string } | { outcome: "expired"; eventId: string };

const refused = () => new ApiError(401, "invalid_signature", "The event's signature does not verify for this environment.");

type State = { lastPrune: number; inFlight: Set<Promise<unknown>> };
const state = ((globalThis as { __eventReceiver?: State }).__eventReceiver ??= { lastPrune: 0, inFlight: new Set() });

/** Everything a received event set off, settled: for tests and an orderly shutdown. */
export async function settleReceivedEvents(): Promise<void> {
  while (state.inFlight.size) await Promise.allSettled([...state.inFlight]);
}

/** Checks and acts on one delivery. Throws ApiError 401 (unknown environment, no secret, bad signature) or 400 (not an envelope). */
export async function receiveEvent(environmentId: string, signature: string | null, body: Buffer, now = new Date()): Promise<ReceiveOutcome> {
  const receiver = await getEventReceiver(environmentId);
  // One answer for all three: the endpoint does not say which environments exist.
  if (!receiver?.eventsSecretEnc) throw refused();
  if (!signatureMatches(decryptSecret(receiver.eventsSecretEnc), body, signature)) throw refused();

  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiError(400, "validation_failed", "The event is not JSON.");
  }
  refuseUnsafeText(parsed);
  const envelope = eventEnvelope.parse(parsed);
  pruneNow(now);
  const expiresAt = new Date(Date.parse(envelope.expiresAt));
  if (expiresAt <= now) return { outcome: "expired", eventId: envelope.id };
  const keepUntil = new Date(Math.min(expiresAt.getTime(), now.getTime() + MAX_KEEP_MS));
  if ((await rememberEvent({ environmentId, eventId: envelope.id, eventName: envelope.eventName, expiresAt: keepUntil })) === "seen") {
    log.info("event replayed or redelivered: not acted on again", { environmentId, eventId: envelope.id, eventName: envelope.eventName });
    return { outcome: "duplicate", eventId: envelope.id };
  }

  const work = act(environmentId, envelope);
  track(work);
  try {
    const flowIds = await Promise.race([work, new Promise<null>((resolve) => setTimeout(() => resolve(null), ANSWER_WITHIN_MS).unref())]);
    return { outcome: "accepted", eventId: envelope.id, eventName: envelope.eventName, flowIds: flowIds ?? [] };
  } catch (error) {
    await forgetEvent(environmentId, envelope.id); // not acted on: let Signicat's retry try again
    throw error;
  }
}

/** Refreshes every pending flow the event names; returns their ids. */
async function act(environmentId: string, envelope: EventEnvelope): Promise<string[]> {
  const flowIds = await findPendingFlowsFor(environmentId, idsInEventData(envelope.eventData));
  for (const flowId of flowIds) {
    await recordEventOnFlow(flowId, { eventName: envelope.eventName, eventId: envelope.id });
    // The watcher's own check, taken now: its claim keeps it to one question however many events come.
    if (!(await checkFlowNow(flowId))) log.info("a flow named by an event was not checked now; the watcher checks it on its schedule", { flowId, eventId: envelope.id });
  }
  await noteEventFlows(environmentId, envelope.id, flowIds);
  log.info("event received", { environmentId, eventId: envelope.id, eventName: envelope.eventName, flows: flowIds.length });
  return flowIds;
}

function track(work: Promise<unknown>): void {
  const settled = work.catch((error: unknown) => log.error("acting on an event failed", { error: error instanceof Error ? error.message : String(error) }));
  state.inFlight.add(settled);
  void settled.finally(() => state.inFlight.delete(settled));
}

function pruneNow(now: Date): void {
  if (now.getTime() - state.lastPrune < PRUNE_EVERY_MS) return;
  state.lastPrune = now.getTime();
  track(pruneExpiredEvents(now));
}

export { SIGNATURE_HEADER };
