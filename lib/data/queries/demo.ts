// The demo's records: saved brand profiles, and what the reset to baseline does to the Demo
// environment's flows (clearing them, letting one be refreshed at once, moving one into the past).
import { db } from "@/lib/data/db";
import type { DemoBrand, Flow } from "@/lib/generated/prisma/client";

export async function listDemoBrandsByName(): Promise<DemoBrand[]> {
  return db.demoBrand.findMany({ orderBy: { name: "asc" } });
}

export async function getDemoBrand(id: string): Promise<DemoBrand | null> {
  return db.demoBrand.findUnique({ where: { id } });
}

/** A taken name fails with the database's unique-violation error. */
export async function insertDemoBrand(data: { name: string; color: string; createdById: string; logoMime?: string; logo?: string }): Promise<DemoBrand> {
  return db.demoBrand.create({ data });
}

/** Whether there was such a brand. */
export async function deleteDemoBrand(id: string): Promise<boolean> {
  return (await db.demoBrand.deleteMany({ where: { id } })).count > 0;
}

/** Forgets an environment's exchanges, flows (their events go with them) and end-users, in one transaction. */
export async function deleteEnvironmentRecords(environmentId: string): Promise<void> {
  await db.$transaction([db.apiExchange.deleteMany({ where: { environmentId } }), db.flow.deleteMany({ where: { environmentId } }), db.endUser.deleteMany({ where: { environmentId } })]);
}

/** A flow the baseline just started (Prisma's not-found error when there is none). */
export async function getBaselineFlow(id: string): Promise<Flow> {
  return db.flow.findUniqueOrThrow({ where: { id } });
}

export async function getBaselineFlowStatus(id: string): Promise<string> {
  return (await db.flow.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

/** Why the watcher's last question about a flow failed, if it did. */
export async function getFlowCheckError(id: string): Promise<string | null> {
  return (await db.flow.findUniqueOrThrow({ where: { id }, select: { checkError: true } })).checkError;
}

export async function listFlowStatuses(ids: string[]): Promise<{ status: string }[]> {
  return db.flow.findMany({ where: { id: { in: ids } }, select: { status: true } });
}

/** Shifts a flow, its events and its exchanges back by `shiftMs`, in one transaction. */
export async function shiftFlowIntoThePast(flowId: string, shiftMs: number): Promise<void> {
  const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId } });
  const back = (d: Date) => new Date(d.getTime() - shiftMs);
  const events = await db.flowEvent.findMany({ where: { flowId } });
  const exchanges = await db.apiExchange.findMany({ where: { flowId }, select: { id: true, createdAt: true, lastAt: true } });
  await db.$transaction([
    db.flow.update({ where: { id: flowId }, data: { createdAt: back(flow.createdAt), updatedAt: back(flow.updatedAt), finishedAt: flow.finishedAt ? back(flow.finishedAt) : null } }),
    ...events.map((e) => db.flowEvent.update({ where: { id: e.id }, data: { at: back(e.at) } })),
    ...exchanges.map((x) => db.apiExchange.update({ where: { id: x.id }, data: { createdAt: back(x.createdAt), lastAt: back(x.lastAt) } })),
  ]);
}
