/**
 * Transactions of a user (contract section 4): its registrations and authentications, newest
 * first, paged. Decided: `?limit` 1–100 (default 20); `?cursor` is the opaque `nextCursor` of
 * the previous page (base64url of the last item's time and id); the answer is
 * `{items, nextCursor}` with `nextCursor: null` on the last page. An item:
 * `{transactionId, type: "REGISTRATION" | "AUTHENTICATION", state, deviceId, createdAt, completedAt, expiresAt}`.
 */
import { z } from "zod";
import { authenticationView } from "./authentications";
import { fail } from "./http";
import { findUser } from "./mobileid";
import { settleAuthentication, settleRegistration } from "./lifecycle";
import { listTransactionsOfUser } from "./store/transactions";

type Item = { transactionId: string; type: "REGISTRATION" | "AUTHENTICATION"; state: string; deviceId: string | null; createdAt: string; completedAt: string | null; expiresAt: string };
type Position = { t: string; id: string };

/** The query of a transactions page: `limit` 1–100 (default 20) and the previous page's `nextCursor`. */
export const transactionsQuery = z.object({
  limit: z
    .string()
    .regex(/^\d+$/, "must be an integer from 1 to 100")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, "must be an integer from 1 to 100")
    .optional(),
  cursor: z.string().optional(),
});

function parseCursor(value: string | undefined): Position | null {
  if (value === undefined) return null;
  try {
    const position = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Position;
    if (typeof position.t === "string" && typeof position.id === "string" && !Number.isNaN(Date.parse(position.t))) return position;
  } catch {
    // reported below
  }
  throw fail.invalidParams([{ name: "cursor", reason: "is not a cursor this API gave out" }]);
}

const encodeCursor = (item: Item) => Buffer.from(JSON.stringify({ t: item.createdAt, id: item.transactionId })).toString("base64url");

const newestFirst = (a: Item, b: Item) => (a.createdAt === b.createdAt ? (a.transactionId < b.transactionId ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

export async function listUserTransactions(accountId: string, userId: string, query: z.output<typeof transactionsQuery>) {
  const limit = query.limit ?? 20;
  const position = parseCursor(query.cursor);
  await findUser(accountId, userId);
  // Rows strictly after the cursor in (createdAt desc, id desc) order.
  const after = position ? { t: new Date(position.t), id: position.id } : null;
  const { registrations, authentications } = await listTransactionsOfUser({ accountId, userId, after, take: limit + 1 });
  const items: Item[] = [];
  for (const found of registrations) {
    const r = await settleRegistration(found);
    items.push({
      transactionId: r.id,
      type: "REGISTRATION",
      state: r.state,
      deviceId: r.deviceId,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
      expiresAt: r.expiresAt.toISOString(),
    });
  }
  for (const found of authentications) {
    const a = authenticationView(await settleAuthentication(found));
    items.push({
      transactionId: a.authenticationId as string,
      type: "AUTHENTICATION",
      state: a.state as string,
      deviceId: a.deviceId as string,
      createdAt: a.createdAt as string,
      completedAt: (a.completedAt as string | undefined) ?? null,
      expiresAt: a.expiresAt as string,
    });
  }
  items.sort(newestFirst);
  const page = items.slice(0, limit);
  return { items: page, nextCursor: items.length > limit ? encodeCursor(page[page.length - 1]) : null };
}
