// End-users (MobileID users) the console has met, per environment: what it learnt from flows
// and lookups, so support can find someone by name.
import { containsText, db } from "@/lib/data/db";
import type { EndUser } from "@/lib/generated/prisma/client";

/** Creates or refreshes the row; only the names and externalRef given are written. */
export async function upsertEndUser(environmentId: string, userId: string, seen: { externalRef?: string; firstName?: string; lastName?: string }): Promise<void> {
  const names = { firstName: seen.firstName, lastName: seen.lastName };
  const externalRef = seen.externalRef;
  await db.endUser.upsert({
    where: { environmentId_userId: { environmentId, userId } },
    create: { environmentId, userId, externalRef, ...names },
    update: { lastSeenAt: new Date(), ...(externalRef ? { externalRef } : {}), ...(names.firstName ? names : {}) },
  });
}

export async function deleteEndUser(environmentId: string, userId: string): Promise<void> {
  await db.endUser.deleteMany({ where: { environmentId, userId } });
}

/**
 * The users of an environment each of whose words matches their userId or externalRef (any
 * case) or their first or last name (matched upper-cased), last seen first: one page and the total.
 */
export async function findEndUsers(environmentId: string, words: string[], page: { skip: number; take: number }): Promise<{ rows: EndUser[]; total: number }> {
  const where = {
    environmentId,
    AND: words.map((w) => ({
      OR: [{ userId: containsText(w) }, { externalRef: containsText(w) }, { firstName: containsText(w.toUpperCase()) }, { lastName: containsText(w.toUpperCase()) }],
    })),
  };
  const [rows, total] = await Promise.all([db.endUser.findMany({ where, orderBy: { lastSeenAt: "desc" }, skip: page.skip, take: page.take }), db.endUser.count({ where })]);
  return { rows, total };
}

/** The people behind some userIds (in any environment), for labelling audit entries. */
export async function listEndUsersByUserIds(userIds: string[]): Promise<{ userId: string; environmentId: string; firstName: string | null; lastName: string | null; externalRef: string | null }[]> {
  return db.endUser.findMany({ where: { userId: { in: userIds } }, select: { userId: true, environmentId: true, firstName: true, lastName: true, externalRef: true } });
}
