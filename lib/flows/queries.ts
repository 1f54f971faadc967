// Data access for flows, their events and their API exchanges.
import { db } from "@/lib/data/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicEnvironment, type PublicEnvironment } from "@/lib/environments";
import { settleInterruptedStarts } from "./interrupted-start";
import { CURSOR_OVERLAP_MS, cursorOf, type FlowUpdate } from "./flow-update";

export const FLOW_PAGE_SIZE = 25;

export type FlowListItem = {
  id: string;
  type: string;
  status: string;
  externalRef: string | null;
  transactionId: string | null;
  userId: string | null;
  /** The person's name as the console last saw it (the user's attributes), when it did. */
  personName: string | null;
  /** The flow's externalRef, else the one the console knows for its user (a step-up's flow has none of its own). */
  personRef: string | null;
  environment: { id: string; name: string; kind: string; deleted: boolean };
  startedBy: { id: string; name: string; email: string };
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  finishedAt: string | null;
};

const listInclude = { environment: { select: { id: true, name: true, kind: true, deletedAt: true } }, startedBy: { select: { id: true, name: true, email: true } } } as const;
type ListRow = Prisma.FlowGetPayload<{ include: typeof listInclude }>;

async function listItems(rows: ListRow[]): Promise<FlowListItem[]> {
  const people = await knownPeople(rows);
  return rows.map((f) => ({
    id: f.id,
    type: f.type,
    status: f.status,
    externalRef: f.externalRef,
    transactionId: f.transactionId,
    userId: f.userId,
    personName: (f.userId && people.get(`${f.environmentId} ${f.userId}`)?.name) || null,
    personRef: f.externalRef ?? ((f.userId && people.get(`${f.environmentId} ${f.userId}`)?.externalRef) || null),
    environment: { id: f.environment.id, name: f.environment.name, kind: f.environment.kind, deleted: f.environment.deletedAt !== null },
    startedBy: f.startedBy,
    errorCode: f.errorCode,
    errorMessage: f.errorMessage,
    createdAt: f.createdAt.toISOString(),
    finishedAt: f.finishedAt?.toISOString() ?? null,
  }));
}

export async function listFlows(opts: { page: number; where?: Prisma.FlowWhereInput; pageSize?: number }) {
  const pageSize = opts.pageSize ?? FLOW_PAGE_SIZE;
  const where = opts.where ?? {};
  await settleInterruptedStarts(); // so History does not show a start that died as Pending forever
  const [rows, total] = await Promise.all([
    db.flow.findMany({ where, orderBy: { createdAt: "desc" }, skip: (opts.page - 1) * pageSize, take: pageSize, include: listInclude }),
    db.flow.count({ where }),
  ]);
  return { items: await listItems(rows), total, page: opts.page, pageSize };
}

/**
 * One batch of the History in its own order (newest first), after the last row of the batch
 * before: a keyset on (createdAt, id) that the createdAt index serves, so a batch costs the
 * rows it returns however deep into the history it is.
 */
export async function listFlowsAfter(where: Prisma.FlowWhereInput, after: { createdAt: string; id: string } | null, take: number): Promise<FlowListItem[]> {
  const at = after && new Date(after.createdAt);
  const keyset: Prisma.FlowWhereInput = at && after ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] } : {};
  const rows = await db.flow.findMany({ where: { AND: [where, keyset] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, include: listInclude });
  return listItems(rows);
}

/** The name ("FIRST LAST") and externalRef of each flow's end-user as the console remembered them; keyed "environmentId userId". */
export async function knownPeople(rows: { environmentId: string; userId: string | null }[]): Promise<Map<string, { name: string; externalRef: string | null }>> {
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  if (userIds.length === 0) return new Map();
  const people = await db.endUser.findMany({ where: { userId: { in: userIds } }, select: { environmentId: true, userId: true, externalRef: true, firstName: true, lastName: true } });
  return new Map(people.map((p) => [`${p.environmentId} ${p.userId}`, { name: [p.firstName, p.lastName].filter(Boolean).join(" "), externalRef: p.externalRef }]));
}

export type FlowDetail = {
  id: string;
  type: string;
  status: string;
  externalRef: string | null;
  transactionId: string | null;
  userId: string | null;
  deviceId: string | null;
  proofingId: string | null;
  dossierId: string | null;
  processId: string | null;
  activationCode: string | null;
  input: unknown;
  result: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  /** Why the watcher's last question to the API failed, while the flow is pending. */
  upstreamError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  environment: PublicEnvironment;
  /** See FlowListItem. */
  personName: string | null;
  personRef: string | null;
  startedBy: { name: string; email: string };
  events: { id: string; kind: string; name: string; detail: string | null; at: string }[];
  exchanges: {
    id: string;
    method: string;
    url: string;
    status: number | null;
    durationMs: number;
    traceId: string | null;
    requestBody: string | null;
    responseBody: string | null;
    error: string | null;
    /** How many identical calls this row stands for, from createdAt to lastAt. */
    count: number;
    createdAt: string;
    lastAt: string;
  }[];
};

const parse = (text: string | null) => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const exchangeColumns = {
  id: true,
  method: true,
  url: true,
  status: true,
  durationMs: true,
  traceId: true,
  requestBody: true,
  responseBody: true,
  error: true,
  count: true,
  createdAt: true,
  lastAt: true,
} as const;

type ExchangeRow = Prisma.ApiExchangeGetPayload<{ select: typeof exchangeColumns }>;
const exchangeOut = (x: ExchangeRow): FlowDetail["exchanges"][number] => ({ ...x, createdAt: x.createdAt.toISOString(), lastAt: x.lastAt.toISOString() });

export async function getFlowDetail(id: string): Promise<FlowDetail | null> {
  const f = await db.flow.findUnique({
    where: { id },
    include: {
      environment: true,
      startedBy: { select: { name: true, email: true } },
      events: { orderBy: { at: "asc" } },
      exchanges: { orderBy: { createdAt: "asc" }, select: exchangeColumns },
    },
  });
  if (!f) return null;
  const person = (await knownPeople([f])).get(`${f.environmentId} ${f.userId}`);
  return flowDetailOf(f, f.events, f.exchanges, person);
}

type Person = { name: string; externalRef: string | null };
type FlowWithParts = Prisma.FlowGetPayload<{ include: { environment: true; startedBy: { select: { name: true; email: true } } } }>;
type EventRow = { id: string; kind: string; name: string; detail: string | null; at: Date };

function flowDetailOf(f: FlowWithParts, events: EventRow[], exchanges: ExchangeRow[], person: Person | undefined): FlowDetail {
  return {
    id: f.id,
    type: f.type,
    status: f.status,
    externalRef: f.externalRef,
    transactionId: f.transactionId,
    userId: f.userId,
    deviceId: f.deviceId,
    proofingId: f.proofingId,
    dossierId: f.dossierId,
    processId: f.processId,
    activationCode: f.activationCode,
    input: parse(f.input),
    result: parse(f.result),
    errorCode: f.errorCode,
    errorMessage: f.errorMessage,
    upstreamError: f.status === "Pending" ? f.checkError : null,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    finishedAt: f.finishedAt?.toISOString() ?? null,
    environment: publicEnvironment(f.environment),
    personName: person?.name || null,
    personRef: f.externalRef ?? person?.externalRef ?? null,
    startedBy: f.startedBy,
    events: events.map((e) => ({ id: e.id, kind: e.kind, name: e.name, detail: e.detail, at: e.at.toISOString() })),
    exchanges: exchanges.map(exchangeOut),
  };
}

/**
 * What changed in a flow since a cursor: the flow's fields, the events and the exchanges that
 * appeared or grew since then (with an overlap, see CURSOR_OVERLAP_MS). Exchanges created before
 * the cursor come as patches without their bodies: the browser has those already.
 */
export async function getFlowUpdate(id: string, since: Date): Promise<FlowUpdate | null> {
  const from = new Date(since.getTime() - CURSOR_OVERLAP_MS);
  const f = await db.flow.findUnique({
    where: { id },
    include: {
      environment: true,
      startedBy: { select: { name: true, email: true } },
      events: { where: { at: { gte: from } }, orderBy: { at: "asc" } },
      exchanges: { where: { lastAt: { gte: from } }, orderBy: { createdAt: "asc" }, select: exchangeColumns },
    },
  });
  if (!f) return null;
  const person = (await knownPeople([f])).get(`${f.environmentId} ${f.userId}`);
  const { exchanges, ...detail } = flowDetailOf(f, f.events, f.exchanges, person);
  const out = exchanges.map((x) => (x.createdAt < from.toISOString() ? { id: x.id, count: x.count, lastAt: x.lastAt, durationMs: x.durationMs, traceId: x.traceId } : x));
  return { ...detail, exchanges: out, since: since.toISOString(), cursor: cursorOf(detail, detail.events, exchanges) };
}

export async function countFlowsByStatus(where: Prisma.FlowWhereInput = {}) {
  const groups = await db.flow.groupBy({ by: ["status"], where, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
}

/** Who has started flows, for the history's "started by" filter. */
export async function listFlowStarters() {
  return db.staffUser.findMany({ where: { flows: { some: {} } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}

/** A flow with its environment, for handlers that call the API on its behalf. */
export async function getFlowWithEnvironment(id: string) {
  return db.flow.findUnique({ where: { id }, include: { environment: true } });
}

export async function countFlowsInEnvironment(environmentId: string): Promise<number> {
  return db.flow.count({ where: { environmentId } });
}

/** The console's flows for one end-user in one environment, newest first. */
export async function listFlowsOfUser(environmentId: string, userId: string) {
  return (await listFlows({ page: 1, pageSize: 50, where: { environmentId, userId } })).items;
}

export async function flowExists(id: string): Promise<boolean> {
  return (await db.flow.count({ where: { id } })) > 0;
}

export async function countFlows(where: Prisma.FlowWhereInput = {}): Promise<number> {
  return db.flow.count({ where });
}
