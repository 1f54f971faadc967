/**
 * Events (contract section 6): subscriptions per account, and emitting an event as an outbox
 * row. `emitEvent` runs inside the transaction that made the change, so an event exists exactly
 * when its change does; `event-delivery.ts` sends the pending deliveries in the background.
 *
 * Functions for the console: createSubscription, listSubscriptions, deleteSubscription,
 * listDeliveries. The emulator API exposes the same under {base}/events/subscriptions.
 */
import { randomBytes } from "node:crypto";
import { OutboundRefusedError } from "@/lib/security/outbound-url";
import { z } from "zod";
import { encryptSecret } from "@/lib/crypto/encryption-key";
import type { EmuEventDelivery, EmuEventSubscription } from "@/lib/generated/prisma/client";
import { wakeEventDispatcher } from "./event-delivery";
import { fail } from "./http";
import { newId } from "./ids";
import { getEmuAccount } from "./store/accounts";
import type { DbClient } from "./store/db-client";
import { createEventSubscription, deleteEventSubscription, getEventSubscription, listEventDeliveries, listEventSubscriptions, recordEvent } from "./store/events";
import { parseWith } from "./validation";
import { assertWebhookTarget } from "./webhook-target";

export const EVENT_NAMES = [
  "device.state.change",
  "reuseid.onboarding.completed",
  "reuseid.onboarding.failed",
  "reuseid.onboarding.expired",
  "reuseid.stepup.completed",
  "reuseid.stepup.failed",
  "reuseid.stepup.expired",
  "mobileid.registration.completed",
  "mobileid.authentication.completed",
  "mobileid.authentication.failed",
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** Decided: the emulator's organisation id (accounts of the emulator belong to one organisation). */
export const EMULATOR_ORGANIZATION_ID = "o-emulator";
const EVENT_RETENTION_MS = 7 * 24 * 3600_000;

export type EventEnvelope = {
  id: string;
  timestamp: string;
  sender: "mobileid" | "reuseid";
  eventName: EventName;
  eventData: unknown;
  accountId: string;
  organizationId: string;
  expiresAt: string;
  tags: string[];
};

export const subscriptionInput = z.object(
  {
    url: z.url({ protocol: /^https?$/, error: "must be an http or https URL" }).max(2000, "must be at most 2000 characters"),
    secret: z.string().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters").optional(),
    events: z.array(z.enum([...EVENT_NAMES, "*"], `must be one of ${EVENT_NAMES.join(", ")} or *`)).min(1, "must name at least one event"),
  },
  "must be a JSON object",
);

export type SubscriptionInput = z.input<typeof subscriptionInput>;

export type SubscriptionView = { subscriptionId: string; accountId: string; url: string; events: string[]; createdAt: string };

function subscriptionView(s: EmuEventSubscription): SubscriptionView {
  return { subscriptionId: s.id, accountId: s.accountId, url: s.url, events: s.events as string[], createdAt: s.createdAt.toISOString() };
}

/** The plain secret is returned once, here; it is stored sealed because each delivery signs with it. */
export async function createSubscription(input: { accountId: string } & SubscriptionInput): Promise<SubscriptionView & { secret: string }> {
  const body = parseWith(subscriptionInput, { url: input.url, secret: input.secret, events: input.events });
  await assertWebhookTarget(body.url).catch((error: unknown) => {
    if (error instanceof OutboundRefusedError) throw fail.invalidParams([{ name: "url", reason: `must be a public address (${error.message})` }]);
    throw error;
  });
  const account = await getEmuAccount(input.accountId);
  if (!account) throw fail.notFound(`No emulator account with ID ${input.accountId} exists.`);
  const secret = body.secret ?? randomBytes(24).toString("hex");
  const created = await createEventSubscription({ id: newId(), accountId: input.accountId, url: body.url, secretEnc: encryptSecret(secret), events: [...new Set(body.events)] });
  return { ...subscriptionView(created), secret };
}

export async function listSubscriptions(filter: { accountId?: string } = {}): Promise<SubscriptionView[]> {
  const rows = await listEventSubscriptions(filter.accountId);
  return rows.map(subscriptionView);
}

export async function getSubscription(accountId: string, subscriptionId: string): Promise<SubscriptionView> {
  const row = await getEventSubscription(subscriptionId);
  if (!row || row.accountId !== accountId) throw fail.notFound(`No event subscription with ID ${subscriptionId} exists.`);
  return subscriptionView(row);
}

/** Deletes a subscription (of that account, when given); its pending deliveries end failed. */
export async function deleteSubscription(input: { subscriptionId: string; accountId?: string }): Promise<void> {
  const row = await getEventSubscription(input.subscriptionId);
  if (!row || (input.accountId && row.accountId !== input.accountId)) throw fail.notFound(`No event subscription with ID ${input.subscriptionId} exists.`);
  await deleteEventSubscription(row.id);
}

const senderOf = (eventName: EventName) => (eventName.startsWith("reuseid.") ? "reuseid" : "mobileid");

/** Records the event and one pending delivery per subscription that wants it; call inside the change's transaction. */
export async function emitEvent(tx: DbClient, input: { accountId: string; eventName: EventName; eventData: unknown; now?: Date }): Promise<void> {
  const subscriptions = (await listEventSubscriptions(input.accountId, tx)).filter((s) => {
    const wanted = s.events as string[];
    return wanted.includes("*") || wanted.includes(input.eventName);
  });
  if (subscriptions.length === 0) return;
  const now = input.now ?? new Date();
  const envelope: EventEnvelope = {
    id: newId(),
    timestamp: now.toISOString(),
    sender: senderOf(input.eventName),
    eventName: input.eventName,
    eventData: input.eventData,
    accountId: input.accountId,
    organizationId: EMULATOR_ORGANIZATION_ID,
    expiresAt: new Date(now.getTime() + EVENT_RETENTION_MS).toISOString(),
    tags: [],
  };
  const body = JSON.stringify(envelope);
  await recordEvent(
    tx,
    { id: envelope.id, accountId: input.accountId, eventName: input.eventName, body, createdAt: now },
    subscriptions.map((subscription) => ({ id: newId(), subscriptionId: subscription.id, url: subscription.url })),
  );
  wakeEventDispatcher();
}

export type DeliveryAttempt = { attempt: number; at: string; statusCode: number | null; error: string | null; durationMs: number };

export type DeliveryView = {
  deliveryId: string;
  accountId: string;
  eventId: string;
  eventName: string;
  subscriptionId: string;
  url: string;
  state: "pending" | "delivered" | "failed";
  attempts: number;
  attemptLog: DeliveryAttempt[];
  nextAttemptAt: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
};

export function deliveryView(d: EmuEventDelivery): DeliveryView {
  return {
    deliveryId: d.id,
    accountId: d.accountId,
    eventId: d.eventId,
    eventName: d.eventName,
    subscriptionId: d.subscriptionId,
    url: d.url,
    state: d.state as DeliveryView["state"],
    attempts: d.attempts,
    attemptLog: d.attemptLog as DeliveryAttempt[],
    nextAttemptAt: d.state === "pending" ? d.nextAttemptAt.toISOString() : null,
    body: d.body,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** The delivery log, newest first (limit 1–500, default 100). */
export async function listDeliveries(filter: { accountId?: string; limit?: number } = {}): Promise<DeliveryView[]> {
  const limit = Math.min(500, Math.max(1, Math.floor(filter.limit ?? 100)));
  const rows = await listEventDeliveries(filter.accountId, limit);
  return rows.map(deliveryView);
}
