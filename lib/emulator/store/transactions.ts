// A user's transactions: its registrations and authentications, read together for one page.
import { db } from "@/lib/data/db";

/** A page of a user's registrations and authentications in (createdAt desc, id desc) order, after a position. */
export async function listTransactionsOfUser(input: { accountId: string; userId: string; after: { t: Date; id: string } | null; take: number }) {
  const { accountId, userId, after, take } = input;
  const where = { accountId, userId, ...(after ? { OR: [{ createdAt: { lt: after.t } }, { createdAt: after.t, id: { lt: after.id } }] } : {}) };
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [registrations, authentications] = await Promise.all([db.emuRegistration.findMany({ where, orderBy: order, take }), db.emuAuthentication.findMany({ where, orderBy: order, take })]);
  return { registrations, authentications };
}
