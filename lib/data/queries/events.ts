// Data access for Signicat Events received by the console (lib/events): the environment's events
// secret and subscription, the seen-event guard, and the flows an event points at.
import { db } from "@/lib/data/db";
import { encryptSecret } from "@/lib/crypto/encryption-key";
import { isUniqueViolation } from "@/lib/emulator/ids";

export type EventReceiver = { id: string; kind: string; eventsSecretEnc: string | null; eventsSubscriptionId: string | null; eventsWebhookUrl: string | null };

/** A live environment's events settings; a deleted one receives nothing. */
export async function getEventReceiver(environmentId: string): Promise<EventReceiver | null> {
  return db.environment.findFirst({
    where: { id: environmentId, deletedAt: null },
    select: { id: true, kind: true, eventsSecretEnc: true, eventsSubscriptionId: true, eventsWebhookUrl: true },
  });
}

/**
 * Stores the subscription the console made and its secret, only if the environment still has
 * the subscription it had when it started (`previousId`): of two processes subscribing at once,
 * one wins; false tells the other to drop its own.
 */
export async function saveEventSubscription(environmentId: string, previousId: string | null, subscription: { subscriptionId: string; secret: string; url: string }): Promise<boolean> {
  const saved = await db.environment.updateMany({
    where: { id: environmentId, eventsSubscriptionId: previousId },
    data: { eventsSubscriptionId: subscription.subscriptionId, eventsSecretEnc: encryptSecret(subscription.secret), eventsWebhookUrl: subscription.url },
  });
  return saved.count === 1;
}

/** "new" the first time an event id is seen for the environment, "seen" on a replay (or a redelivery). */
export async function rememberEvent(input: { environmentId: string; eventId: string; eventName: string; expiresAt: Date }): Promise<"new" | "seen"> {
  try {
    await db.receivedEvent.create({ data: input });
    return "new";
  } catch (error) {
    if (isUniqueViolation(error)) return "seen";
    throw error;
  }
}

/** Undoes rememberEvent when acting on it failed, so Signicat's retry is acted on. */
export async function forgetEvent(environmentId: string, eventId: string): Promise<void> {
  await db.receivedEvent.deleteMany({ where: { environmentId, eventId } });
}

export async function noteEventFlows(environmentId: string, eventId: string, flowIds: string[]): Promise<void> {
  await db.receivedEvent.updateMany({ where: { environmentId, eventId }, data: { flowIds } });
}

/** Signicat stops delivering an event at its expiresAt: its id need not be kept after that. */
export async function pruneExpiredEvents(now = new Date()): Promise<number> {
  return (await db.receivedEvent.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}

/** The environment's pending flows an event's ids name: a transaction, a process or a user. */
export async function findPendingFlowsFor(environmentId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.flow.findMany({
    where: { environmentId, status: "Pending", OR: [{ transactionId: { in: ids } }, { processId: { in: ids } }, { userId: { in: ids } }] },
    select: { id: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map((r) => r.id);
}

/** The flow's timeline says an event made the console look (once per event name and flow). */
export async function recordEventOnFlow(flowId: string, event: { eventName: string; eventId: string }): Promise<void> {
  const detail = `updated by an event (id ${event.eventId})`;
  await db.flowEvent.upsert({
    where: { flowId_kind_name: { flowId, kind: "event", name: event.eventName } },
    create: { flowId, kind: "event", name: event.eventName, detail },
    update: {},
  });
}
