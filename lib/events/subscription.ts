/**
 * Subscribing to events. For the embedded emulator the console does it itself, through the
 * emulator's subscription API with the environment's own credentials, pointing at its own
 * receiver, and keeps the secret sealed; the subscription is checked again now and then (an
 * account reset deletes it) and made anew when gone or pointing elsewhere. A real Signicat
 * account is subscribed in its dashboard (Settings > Events) with the URL the environment page
 * shows, and the secret typed there.
 */
import { getEventReceiver, saveEventSubscription } from "@/lib/data/queries/events";
import { clientFor } from "@/lib/environments";
import type { Environment } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { SignicatError } from "@/lib/signicat/errors";
import { embeddedReceiverUrl } from "./receiver-url";

const CHECK_EVERY_MS = 10 * 60_000;
type State = { checked: Map<string, number>; running: Map<string, Promise<unknown>> };
const state = ((globalThis as { __eventSubscriptions?: State }).__eventSubscriptions ??= { checked: new Map<string, number>(), running: new Map<string, Promise<unknown>>() });

/** Never throws: without a subscription the watcher still follows every flow. Concurrent callers share one attempt. */
export async function subscribeToEvents(env: Environment): Promise<void> {
  if (env.kind !== "embedded") return;
  let running = state.running.get(env.id);
  if (!running) {
    running = ensureEventSubscription(env)
      .catch((error: unknown) => {
        log.warn("could not subscribe to the emulator's events; flows are followed by polling only", {
          environmentId: env.id,
          error: error instanceof SignicatError ? error.describe() : String(error),
        });
      })
      .finally(() => state.running.delete(env.id));
    state.running.set(env.id, running);
  }
  await running;
}

export async function ensureEventSubscription(env: Environment): Promise<"not_embedded" | "kept" | "created"> {
  if (env.kind !== "embedded" || env.deletedAt) return "not_embedded";
  const url = embeddedReceiverUrl(env.id);
  const client = clientFor(env);
  const usable = (e: Pick<Environment, "eventsSubscriptionId" | "eventsSecretEnc" | "eventsWebhookUrl">) => !!e.eventsSubscriptionId && !!e.eventsSecretEnc && e.eventsWebhookUrl === url;
  // The row the caller read serves the common case (no query); a new subscription re-reads it first.
  if (usable(env) && Date.now() - (state.checked.get(env.id) ?? 0) < CHECK_EVERY_MS) return "kept";
  const current = (await getEventReceiver(env.id)) ?? env;
  if (usable(current)) {
    try {
      await client.getEventSubscription(current.eventsSubscriptionId!);
      state.checked.set(env.id, Date.now());
      return "kept";
    } catch (error) {
      if (!(error instanceof SignicatError && error.status === 404)) throw error;
    }
  }
  const created = (await client.createEventSubscription<{ subscriptionId: string; secret: string }>({ url, events: ["*"] })).data;
  const saved = await saveEventSubscription(env.id, current.eventsSubscriptionId, { subscriptionId: created.subscriptionId, secret: created.secret, url });
  const extra = saved ? current.eventsSubscriptionId : created.subscriptionId; // the one replaced, or ours when another process won
  if (extra) await client.deleteEventSubscription(extra).catch(() => {}); // gone already is fine
  state.checked.set(env.id, Date.now());
  return "created";
}
