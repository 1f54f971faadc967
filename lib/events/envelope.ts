// A Signicat event as delivered (contract §6): the envelope is checked, eventData is not trusted
// beyond the ids it names (the receiver asks Signicat for the flow's state instead).
import { z } from "zod";

const dateText = z
  .string()
  .max(64)
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be a date and time");

export const eventEnvelope = z.object(
  {
    id: z.string().trim().min(1, "must not be empty").max(200),
    timestamp: dateText,
    sender: z.string().max(100),
    eventName: z.string().trim().min(1, "must not be empty").max(200),
    eventData: z.unknown(),
    accountId: z.string().max(200).nullish(),
    organizationId: z.string().max(200).nullish(),
    expiresAt: dateText,
    tags: z.array(z.string().max(200)).max(100).nullish(),
  },
  "must be a JSON object",
);
export type EventEnvelope = z.infer<typeof eventEnvelope>;

const ID_KEYS = ["transactionId", "authenticationId", "processId", "userId"] as const;

/** The ids in eventData that can name a flow: transaction (onboarding, step-up, authentication), process, user. */
export function idsInEventData(eventData: unknown): string[] {
  if (!eventData || typeof eventData !== "object" || Array.isArray(eventData)) return [];
  const data = eventData as Record<string, unknown>;
  const ids = ID_KEYS.map((key) => data[key]).filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 200);
  return [...new Set(ids)];
}
