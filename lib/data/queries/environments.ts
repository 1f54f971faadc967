// Saved connections to Signicat as stored. A deleted environment keeps its row (its flows and
// exchanges still point at it) with deletedAt set and the secret wiped.
import { db } from "@/lib/data/db";
import { dateOf, maybeDate, maybeText, text } from "@/lib/data/rows";
import { q, read, type Row, type Work } from "@/lib/data/sql";
import type { Environment, Prisma } from "@/lib/generated/prisma/client";

export type NewEnvironment = Omit<Prisma.EnvironmentUncheckedCreateInput, "id" | "createdAt" | "updatedAt" | "deletedAt">;
export type EnvironmentChange = Omit<Prisma.EnvironmentUncheckedUpdateInput, "id" | "createdAt" | "updatedAt" | "deletedAt">;

// The reads every page and console call makes (the layout lists the live environments and picks
// the current one; a flow's start reads its environment) go through the driver, prepared once:
// through Prisma each statement was prepared again on every request.

/** An "Environment" row as Prisma's model holds it. */
export const environmentOf = (r: Row): Environment => ({
  id: text(r.id),
  name: text(r.name),
  kind: text(r.kind),
  baseUrl: text(r.baseUrl),
  clientId: text(r.clientId),
  clientSecretEnc: text(r.clientSecretEnc),
  accountId: maybeText(r.accountId),
  appApplicationId: maybeText(r.appApplicationId),
  appPublicKey: maybeText(r.appPublicKey),
  appServerUrl: maybeText(r.appServerUrl),
  createdAt: dateOf(r.createdAt),
  updatedAt: dateOf(r.updatedAt),
  deletedAt: maybeDate(r.deletedAt),
  eventsSecretEnc: maybeText(r.eventsSecretEnc),
  eventsSubscriptionId: maybeText(r.eventsSubscriptionId),
  eventsWebhookUrl: maybeText(r.eventsWebhookUrl),
});

const selectEnvironments = (sql: string, ...params: unknown[]): Promise<Environment[]> =>
  read(function* (): Work<Environment[]> {
    const rows: Row[] = yield q(`SELECT * FROM "Environment" ${sql}`, ...params);
    return rows.map(environmentOf);
  });
const firstEnvironment = async (sql: string, ...params: unknown[]): Promise<Environment | null> => (await selectEnvironments(`${sql} LIMIT 1`, ...params))[0] ?? null;

/** The live environments, by kind then name. */
export async function listLiveEnvironments(): Promise<Environment[]> {
  return selectEnvironments(`WHERE "deletedAt" IS NULL ORDER BY "kind" ASC, "name" ASC`);
}

/** Live ones first, then deleted ones, each by kind then name. */
export async function listEnvironmentsLiveFirst(): Promise<Environment[]> {
  return selectEnvironments(`ORDER BY "deletedAt" ASC NULLS FIRST, "kind" ASC, "name" ASC`);
}

export async function getLiveEnvironment(id: string): Promise<Environment | null> {
  return firstEnvironment(`WHERE "id" = $1 AND "deletedAt" IS NULL`, id);
}

/** The embedded emulator's environment for an emulator account (null: the default account); deleted ones too unless `liveOnly`. */
export async function findEmbeddedEnvironment(accountId: string | null, options: { liveOnly?: boolean } = {}): Promise<Environment | null> {
  const live = options.liveOnly ? ` AND "deletedAt" IS NULL` : "";
  return accountId === null ? firstEnvironment(`WHERE "kind" = 'embedded' AND "accountId" IS NULL${live}`) : firstEnvironment(`WHERE "kind" = 'embedded' AND "accountId" = $1${live}`, accountId);
}

export async function getOldestLiveEnvironment(): Promise<Environment | null> {
  return firstEnvironment(`WHERE "deletedAt" IS NULL ORDER BY "createdAt" ASC`);
}

/** A live environment of this name other than `exceptId`. */
export async function findLiveEnvironmentByName(name: string, exceptId?: string): Promise<Environment | null> {
  return db.environment.findFirst({ where: { name, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) } });
}

/** The names of some environments (deleted ones too), for labelling records that point at them. */
export async function listEnvironmentNames(ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.environment.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

export async function insertEnvironment(data: NewEnvironment): Promise<Environment> {
  return db.environment.create({ data });
}

export async function updateEnvironmentRow(id: string, data: EnvironmentChange): Promise<Environment> {
  return db.environment.update({ where: { id }, data });
}

/**
 * Marks an environment deleted and wipes its secret; in the same transaction its pending flows
 * become Cancelled with `reason` (a status event each), since nobody can follow them any more.
 * Returns how many were cancelled.
 */
export async function softDeleteEnvironment(id: string, reason: string): Promise<number> {
  const pending = await db.flow.findMany({ where: { environmentId: id, status: "Pending" }, select: { id: true } });
  const now = new Date();
  await db.$transaction([
    db.environment.update({ where: { id }, data: { deletedAt: now, clientSecretEnc: "", eventsSecretEnc: null } }),
    ...pending.flatMap((f) => [
      db.flow.update({ where: { id: f.id }, data: { status: "Cancelled", errorCode: "environment_deleted", errorMessage: reason, finishedAt: now } }),
      db.flowEvent.upsert({
        where: { flowId_kind_name: { flowId: f.id, kind: "status", name: "Cancelled" } },
        create: { flowId: f.id, kind: "status", name: "Cancelled", detail: reason },
        update: {},
      }),
    ]),
  ]);
  return pending.length;
}
