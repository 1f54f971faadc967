// The audit trail as stored: entries are only ever added (the database refuses updates and
// deletes) and read here. Recording lives in lib/audit/record.ts, reading and export in
// lib/audit/search.ts, the sign-in brake's counts in lib/auth/sign-in-guard.ts.
import { db } from "@/lib/data/db";
import type { AuditEntry, Prisma } from "@/lib/generated/prisma/client";

export type NewAuditEntry = Omit<Prisma.AuditEntryUncheckedCreateInput, "id" | "createdAt">;

export async function insertAuditEntry(data: NewAuditEntry): Promise<void> {
  await db.auditEntry.create({ data });
}

const NEWEST_FIRST: Prisma.AuditEntryOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** Entries matching `where`, newest first: `take` of them after skipping `skip`. */
export async function listAuditEntriesNewestFirst(where: Prisma.AuditEntryWhereInput, page: { skip?: number; take: number }): Promise<AuditEntry[]> {
  return db.auditEntry.findMany({ where, orderBy: NEWEST_FIRST, skip: page.skip, take: page.take });
}

export async function countAuditEntries(where: Prisma.AuditEntryWhereInput): Promise<number> {
  return db.auditEntry.count({ where });
}

/** The distinct actions present in the trail, alphabetically. */
export async function listAuditActionNames(): Promise<string[]> {
  const rows = await db.auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

/** The newest entry of an action about a target, recorded after `after`. */
export async function latestAuditEntryFor(action: string, target: string, after: Date): Promise<AuditEntry | null> {
  return db.auditEntry.findFirst({ where: { action, target, createdAt: { gt: after } }, orderBy: { createdAt: "desc" } });
}

/** How many different client addresses the entries matching `where` came from (entries without one do not count). */
export async function countAuditClientAddresses(where: Prisma.AuditEntryWhereInput): Promise<number> {
  const addresses = await db.auditEntry.groupBy({ by: ["clientAddress"], where: { ...where, clientAddress: { not: null } } });
  return addresses.length;
}

/** What an audit page shows about the flows its entries name (the live engineer's flows.ts may absorb this). */
export async function listAuditTargetFlows(ids: string[]): Promise<{ id: string; type: string; externalRef: string | null; userId: string | null; environmentId: string }[]> {
  return db.flow.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, externalRef: true, userId: true, environmentId: true } });
}
