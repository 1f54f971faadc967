// Events: subscriptions (EmuEventSubscription), the event log (EmuEvent) and the delivery outbox
// (EmuEventDelivery). An event's body is kept as text: deliveries are signed over its exact bytes.
import { db } from "@/lib/data/db";
import type { EmuEventDelivery, EmuEventSubscription, Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "./db-client";

export const getEventSubscription = (id: string): Promise<EmuEventSubscription | null> => db.emuEventSubscription.findUnique({ where: { id } });

export const createEventSubscription = (data: { id: string; accountId: string; url: string; secretEnc: string; events: string[] }): Promise<EmuEventSubscription> =>
  db.emuEventSubscription.create({ data });

/** Subscriptions (of one account, when given), oldest first. */
export const listEventSubscriptions = (accountId?: string, client: DbClient = db): Promise<EmuEventSubscription[]> =>
  client.emuEventSubscription.findMany({ where: accountId ? { accountId } : {}, orderBy: { createdAt: "asc" } });

/** Deletes a subscription; its pending deliveries end failed. */
export async function deleteEventSubscription(id: string): Promise<void> {
  await db.$transaction([db.emuEventSubscription.delete({ where: { id } }), db.emuEventDelivery.updateMany({ where: { subscriptionId: id, state: "pending" }, data: { state: "failed" } })]);
}

/** The event and one pending delivery per subscription, in the caller's transaction. */
export async function recordEvent(
  tx: DbClient,
  event: { id: string; accountId: string; eventName: string; body: string; createdAt: Date },
  deliveries: { id: string; subscriptionId: string; url: string }[],
): Promise<void> {
  await tx.emuEvent.create({ data: event });
  for (const delivery of deliveries) {
    await tx.emuEventDelivery.create({
      data: { ...delivery, accountId: event.accountId, eventId: event.id, eventName: event.eventName, body: event.body, nextAttemptAt: event.createdAt },
    });
  }
}

/** Deliveries (of one account, when given), newest first. */
export const listEventDeliveries = (accountId: string | undefined, take: number): Promise<EmuEventDelivery[]> =>
  db.emuEventDelivery.findMany({ where: accountId ? { accountId } : {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });

/** Pending deliveries that are due, soonest first (at most 25). */
export const listDueDeliveries = (now: Date): Promise<EmuEventDelivery[]> =>
  db.emuEventDelivery.findMany({ where: { state: "pending", nextAttemptAt: { lte: now } }, orderBy: { nextAttemptAt: "asc" }, take: 25 });

/** Takes a due delivery for one attempt (its lease ends at `until`); false when another process took it. */
export async function claimDelivery(id: string, now: Date, until: Date): Promise<boolean> {
  const claimed = await db.emuEventDelivery.updateMany({ where: { id, state: "pending", nextAttemptAt: { lte: now } }, data: { nextAttemptAt: until } });
  return claimed.count === 1;
}

export async function recordDeliveryAttempt(id: string, data: { attempts: number; attemptLog: unknown[]; state: string; nextAttemptAt: Date }): Promise<void> {
  await db.emuEventDelivery.update({ where: { id }, data: { ...data, attemptLog: data.attemptLog as Prisma.InputJsonArray } });
}

/** When the soonest pending delivery is due, or null. */
export const nextDeliveryAt = async (): Promise<Date | null> =>
  (await db.emuEventDelivery.findFirst({ where: { state: "pending" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } }))?.nextAttemptAt ?? null;
