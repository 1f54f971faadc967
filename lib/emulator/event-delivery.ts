/**
 * Sending events: pending deliveries live in EmuEventDelivery (the outbox), so they survive a
 * restart and several console processes share the work. A small in-process dispatcher claims
 * due deliveries with a conditional update (moving `nextAttemptAt` into the future as a lease:
 * only one process wins, and a crashed attempt is retried when the lease runs out), POSTs the
 * body signed with HMAC-SHA256 (hex, header `x-signicat-signature`), and records every attempt.
 * Non-2xx answers and timeouts are retried with exponential back-off: base, 2×base, 4×base, …
 * up to `maxAttempts` attempts, then the delivery ends `failed`.
 *
 * The back-off base is EMULATOR_EVENT_BACKOFF_MS (default 1000) or `configureEventDelivery`.
 */
import { createHmac } from "node:crypto";
import { OutboundRefusedError } from "@/lib/security/outbound-url";
import type { EmuEventDelivery } from "@/lib/generated/prisma/client";
import { decryptSecret } from "@/lib/crypto/encryption-key";
import { log } from "@/lib/log";
import type { DeliveryAttempt } from "./events";
import { claimDelivery, getEventSubscription, listDueDeliveries, nextDeliveryAt, recordDeliveryAttempt } from "./store/events";
import { postWebhook } from "./webhook-target";
import { settings as consoleSettings } from "@/lib/config";

export type DeliverySettings = { backoffBaseMs: number; timeoutMs: number; maxAttempts: number; leaseMs: number; idlePollMs: number };

const settings: DeliverySettings = {
  backoffBaseMs: consoleSettings().EMULATOR_EVENT_BACKOFF_MS,
  timeoutMs: 5000,
  maxAttempts: 5,
  leaseMs: 30_000,
  idlePollMs: 2000,
};

export function configureEventDelivery(changes: Partial<DeliverySettings>): DeliverySettings {
  Object.assign(settings, changes);
  return { ...settings };
}

export function signEventBody(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

async function claim(delivery: EmuEventDelivery, now: Date): Promise<boolean> {
  return claimDelivery(delivery.id, now, new Date(now.getTime() + settings.leaseMs));
}

/** One POST; `refused` when the target may not be called (webhook-target.ts), which is final and says only that. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<{ statusCode: number | null; error: string | null; refused?: boolean }> {
  try {
    const { statusCode } = await postWebhook(url, body, headers, settings.timeoutMs);
    return { statusCode, error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` };
  } catch (error) {
    if (error instanceof OutboundRefusedError) return { statusCode: null, error: error.message, refused: true };
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { statusCode: null, error: timedOut ? `timeout after ${settings.timeoutMs} ms` : error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error) };
  }
}

async function attempt(delivery: EmuEventDelivery): Promise<void> {
  const subscription = await getEventSubscription(delivery.subscriptionId);
  const attemptNumber = delivery.attempts + 1;
  const started = Date.now();
  const result = subscription
    ? await post(delivery.url, delivery.body, {
        "content-type": "application/json",
        "user-agent": "signicat-emulator-events",
        "x-signicat-signature": signEventBody(decryptSecret(subscription.secretEnc), delivery.body),
        "x-signicat-event-id": delivery.eventId,
        "x-signicat-event-name": delivery.eventName,
        "x-signicat-delivery-attempt": String(attemptNumber),
      })
    : { statusCode: null, error: "the subscription was deleted" };
  const finished = new Date();
  const entry: DeliveryAttempt = { attempt: attemptNumber, at: new Date(started).toISOString(), statusCode: result.statusCode, error: result.error, durationMs: finished.getTime() - started };
  const delivered = result.error === null;
  const exhausted = !subscription || "refused" in result || attemptNumber >= settings.maxAttempts;
  await recordDeliveryAttempt(delivery.id, {
    attempts: attemptNumber,
    attemptLog: [...(delivery.attemptLog as DeliveryAttempt[]), entry],
    state: delivered ? "delivered" : exhausted ? "failed" : "pending",
    nextAttemptAt: delivered || exhausted ? finished : new Date(finished.getTime() + settings.backoffBaseMs * 2 ** (attemptNumber - 1)),
  });
}

/** One pass: claims and sends every due delivery. Returns how many were attempted. */
export async function deliverDueEvents(now = new Date()): Promise<number> {
  const due = await listDueDeliveries(now);
  const mine: EmuEventDelivery[] = [];
  for (const delivery of due) if (await claim(delivery, now)) mine.push(delivery);
  await Promise.all(mine.map((d) => attempt(d).catch((error: unknown) => log.error("event delivery failed to record", { deliveryId: d.id, error: String(error) }))));
  return mine.length;
}

// The dispatcher's timer lives on globalThis so a dev reload does not start a second one.
type DispatcherState = { timer: NodeJS.Timeout | null; at: number; running: boolean };
const state = ((globalThis as { __emuDispatcher?: DispatcherState }).__emuDispatcher ??= { timer: null, at: Infinity, running: false });

function schedule(at: number): void {
  if (state.timer && state.at <= at) return;
  if (state.timer) clearTimeout(state.timer);
  state.at = at;
  state.timer = setTimeout(() => void tick(), Math.max(0, at - Date.now()));
  state.timer.unref();
}

async function tick(): Promise<void> {
  state.timer = null;
  state.at = Infinity;
  if (state.running) return schedule(Date.now() + 50);
  state.running = true;
  let next = Date.now() + settings.idlePollMs;
  try {
    await deliverDueEvents();
    const soonest = await nextDeliveryAt();
    if (soonest) next = Math.min(next, soonest.getTime());
  } catch (error) {
    log.error("event dispatcher tick failed", { error: error instanceof Error ? error.message : String(error) });
  } finally {
    state.running = false;
  }
  schedule(next);
}

/** Starts the dispatcher if needed and makes it look soon (after the emitting transaction commits). */
export function wakeEventDispatcher(delayMs = 25): void {
  schedule(Date.now() + delayMs);
}
