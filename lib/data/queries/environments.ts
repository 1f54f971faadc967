// Saved connections to Signicat as stored. A deleted environment keeps its row (its flows and
// exchanges still point at it) with deletedAt set and the secret wiped.
import { db } from "@/lib/data/db";
import type { Environment, Prisma } from "@/lib/generated/prisma/client";

export type NewEnvironment = Omit<Prisma.EnvironmentUncheckedCreateInput, "id" | "createdAt" | "updatedAt" | "deletedAt">;
export type EnvironmentChange = Omit<Prisma.EnvironmentUncheckedUpdateInput, "id" | "createdAt" | "updatedAt" | "deletedAt">;

/** The live environments, by kind then name. */
export async function listLiveEnvironments(): Promise<Environment[]> {
  return db.environment.findMany({ where: { deletedAt: null }, orderBy: [{ kind: "asc" }, { name: "asc" }] });
}

/** Live ones first, then deleted ones, each by kind then name. */
export async function listEnvironmentsLiveFirst(): Promise<Environment[]> {
  return db.environment.findMany({ orderBy: [{ deletedAt: { sort: "asc", nulls: "first" } }, { kind: "asc" }, { name: "asc" }] });
}

export async function getLiveEnvironment(id: string): Promise<Environment | null> {
  return db.environment.findFirst({ where: { id, deletedAt: null } });
}

/** The embedded emulator's environment for an emulator account (null: the default account); deleted ones too unless `liveOnly`. */
export async function findEmbeddedEnvironment(accountId: string | null, options: { liveOnly?: boolean } = {}): Promise<Environment | null> {
  return db.environment.findFirst({ where: { kind: "embedded", accountId, ...(options.liveOnly ? { deletedAt: null } : {}) } });
}

export async function getOldestLiveEnvironment(): Promise<Environment | null> {
  return db.environment.findFirst({ where: { deletedAt: null }, orderBy: { createdAt: "asc" } });
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
