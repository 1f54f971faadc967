// Data access for flows: the History's list and search, one flow with its events and
// exchanges (whole, or what changed since a cursor), and the writes of starting, following,
// watching and settling a flow. lib/flows/** asks for these by name.
import { databaseProvider, db } from "@/lib/data/db";
import { dateOf, jsonValue as jsonOf, maybeDate, maybeJson, maybeText, text } from "@/lib/data/rows";
import { inJsonList, inJsonPairs, q, read, type Row, type Work } from "@/lib/data/sql";
import type { Environment, Flow, FlowEvent, Prisma } from "@/lib/generated/prisma/client";
import { publicEnvironment, type PublicEnvironment } from "@/lib/environments";
import { environmentOf } from "./environments";
import { CURSOR_OVERLAP_MS, cursorOf, type FlowUpdate } from "@/lib/flows/flow-update";

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

/** A flow as the History reads it: its list columns, its environment and who started it. */
export type FlowListRow = Pick<Flow, "id" | "type" | "status" | "externalRef" | "transactionId" | "userId" | "environmentId" | "errorCode" | "errorMessage" | "createdAt" | "finishedAt"> & {
  environment: { id: string; name: string; kind: string; deletedAt: Date | null };
  startedBy: { id: string; name: string; email: string };
};

/** The rows as list items, with the person each flow's user is as far as the console knows. */
export async function listItemsOf(rows: FlowListRow[]): Promise<FlowListItem[]> {
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

/** Flows as list items, newest first (lib/data/queries/history.ts gives the History's where). */
export async function listFlowRows(opts: { where: Prisma.FlowWhereInput; skip?: number; take: number }): Promise<FlowListItem[]> {
  return listItemsOf(await db.flow.findMany({ where: opts.where, orderBy: { createdAt: "desc" }, skip: opts.skip, take: opts.take, include: listInclude }));
}

/** The name ("FIRST LAST") and externalRef of each flow's end-user as the console remembered them; keyed "environmentId userId". */
export async function knownPeople(rows: { environmentId: string; userId: string | null }[]): Promise<Map<string, { name: string; externalRef: string | null }>> {
  const pairs = [...new Map(rows.flatMap((r) => (r.userId ? [[`${r.environmentId} ${r.userId}`, [r.environmentId, r.userId]] as const] : []))).values()];
  if (pairs.length === 0) return new Map();
  // Through the driver, by (environment, user) as the unique index holds them: each page of the
  // History and every live update of a flow reads it.
  const people = await read(function* (): Work<Row[]> {
    return yield q(`SELECT "environmentId", "userId", "externalRef", "firstName", "lastName" FROM "EndUser" WHERE ("environmentId", "userId") ${inJsonPairs()}`, JSON.stringify(pairs));
  });
  return new Map(
    people.map((p) => [`${text(p.environmentId)} ${text(p.userId)}`, { name: [maybeText(p.firstName), maybeText(p.lastName)].filter(Boolean).join(" "), externalRef: maybeText(p.externalRef) }]),
  );
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

// getFlowDetail and getFlowUpdate read with findFirst, not findUnique: Prisma batches the
// findUniques of one tick into one query and caches a plan for each batch it meets (up to
// 1,000), holding a copy of the query's plan per read in it. Every live stream reads its flow
// when the flow changes, so with 50 flows watched the heap kept 152 batch plans of up to 54
// reads each. Heap snapshots (PostgreSQL) after that load: the live heap had grown 78 MB, and
// grows 10 MB with findFirst.
export async function getFlowDetail(id: string): Promise<FlowDetail | null> {
  const f = await db.flow.findFirst({
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
    input: f.input,
    result: f.result ?? null,
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
  const f = await db.flow.findFirst({
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

/** A flow with its environment, for handlers that call the API on its behalf. */
export async function getFlowWithEnvironment(id: string) {
  return db.flow.findUnique({ where: { id }, include: { environment: true } });
}

export async function countFlowsInEnvironment(environmentId: string): Promise<number> {
  return db.flow.count({ where: { environmentId } });
}

/** The console's flows for one end-user in one environment, newest first. */
export async function listFlowsOfUser(environmentId: string, userId: string) {
  return listFlowRows({ where: { environmentId, userId }, take: 50 });
}

export async function flowExists(id: string): Promise<boolean> {
  return (await db.flow.count({ where: { id } })) > 0;
}

// ——— starting and following a flow ———

/** A JSON column's value; none leaves the stored one as it is (as JSON.stringify(undefined) did). */
const jsonValue = (value: unknown) => (value === null || value === undefined ? undefined : (value as Prisma.InputJsonValue));

export type FlowIdsUpdate = Partial<Pick<Flow, "transactionId" | "userId" | "deviceId" | "proofingId" | "dossierId" | "processId" | "activationCode">>;

/** The row a start writes before it asks the API, so a live code is never lost. */
export async function createPendingFlow(data: {
  type: string;
  environmentId: string;
  startedById: string;
  externalRef: string | null;
  userId: string | null;
  deviceId: string | null;
  input: unknown;
}): Promise<{ id: string }> {
  return db.flow.create({ data: { ...data, status: "Pending", input: jsonValue(data.input) ?? {} }, select: { id: true } });
}

export async function recordStartFailure(flowId: string, errorCode: string, message: string): Promise<void> {
  await db.$transaction([
    db.flow.update({ where: { id: flowId }, data: { status: "Error", errorCode, errorMessage: message, finishedAt: new Date() } }),
    db.flowEvent.create({ data: { flowId, kind: "status", name: "Error", detail: message } }),
  ]);
}

/** What the API said when it started the flow, its first events, and the watcher's first check. */
export async function recordStarted(
  flowId: string,
  started: { ids: FlowIdsUpdate; result: unknown; pendingDetail: string; firstStep: string; firstStepDetail: string | null; nextCheckAt: Date },
): Promise<void> {
  await db.$transaction([
    db.flow.update({ where: { id: flowId }, data: { ...started.ids, result: jsonValue(started.result), nextCheckAt: started.nextCheckAt } }),
    db.flowEvent.create({ data: { flowId, kind: "status", name: "Pending", detail: started.pendingDetail } }),
    db.flowEvent.create({ data: { flowId, kind: "step", name: started.firstStep, detail: started.firstStepDetail } }),
  ]);
}

export type FlowToFollow = Flow & { environment: Environment; events: FlowEvent[] };

/**
 * A flow with its environment and events, as a follower needs it: read by every check, so
 * through the driver, three statements prepared once (through Prisma each was prepared again).
 */
export async function getFlowToFollow(id: string): Promise<FlowToFollow | null> {
  return read(function* (): Work<FlowToFollow | null> {
    const [flow]: Row[] = yield q(`SELECT * FROM "Flow" WHERE "id" = $1`, id);
    if (!flow) return null;
    const [environment]: Row[] = yield q(`SELECT * FROM "Environment" WHERE "id" = $1`, flow.environmentId);
    const events: Row[] = yield q(`SELECT * FROM "FlowEvent" WHERE "flowId" = $1`, id);
    // A required relation: the flow's environment is never deleted, only marked deleted.
    return { ...flowOf(flow), environment: environmentOf(environment), events: events.map(flowEventOf) };
  });
}

const flowOf = (r: Row): Flow => ({
  id: text(r.id),
  type: text(r.type),
  status: text(r.status),
  environmentId: text(r.environmentId),
  startedById: text(r.startedById),
  externalRef: maybeText(r.externalRef),
  transactionId: maybeText(r.transactionId),
  userId: maybeText(r.userId),
  deviceId: maybeText(r.deviceId),
  proofingId: maybeText(r.proofingId),
  dossierId: maybeText(r.dossierId),
  processId: maybeText(r.processId),
  activationCode: maybeText(r.activationCode),
  input: jsonOf(r.input),
  result: maybeJson(r.result),
  errorCode: maybeText(r.errorCode),
  errorMessage: maybeText(r.errorMessage),
  createdAt: dateOf(r.createdAt),
  updatedAt: dateOf(r.updatedAt),
  finishedAt: maybeDate(r.finishedAt),
  nextCheckAt: maybeDate(r.nextCheckAt),
  checkError: maybeText(r.checkError),
});

const flowEventOf = (r: Row): FlowEvent => ({ id: text(r.id), flowId: text(r.flowId), kind: text(r.kind), name: text(r.name), detail: maybeText(r.detail), at: dateOf(r.at) });

export type FlowTransition = {
  ids?: FlowIdsUpdate;
  status: string;
  result: unknown;
  errorCode?: string;
  errorMessage?: string;
  final: boolean;
  newSteps: { name: string; detail: string | null }[];
  statusDetail: string | null;
};

/** Applies what a follower saw, unless someone else finished the flow first; one transaction. */
export async function applyFlowTransition(flowId: string, t: FlowTransition, isFinal: (status: string) => boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.flow.findUnique({ where: { id: flowId }, select: { status: true } });
    if (!current || isFinal(current.status)) return;
    await tx.flow.update({
      where: { id: flowId },
      data: {
        ...t.ids,
        status: t.status,
        result: jsonValue(t.result),
        errorCode: t.errorCode,
        errorMessage: t.errorMessage,
        finishedAt: t.final ? new Date() : undefined,
        nextCheckAt: t.final ? null : undefined,
      },
    });
    // Two checks of one flow may overlap (an event's and the watcher's): the second one's steps
    // can already be written, so each step and status is written once and then left as it is.
    const once = (kind: string, name: string, detail: string | null | undefined) =>
      tx.flowEvent.upsert({ where: { flowId_kind_name: { flowId, kind, name } }, create: { flowId, kind, name, detail }, update: {} });
    for (const step of t.newSteps) await once("step", step.name, step.detail);
    if (t.status !== current.status) await once("status", t.status, t.statusDetail);
  });
}

// ——— interrupted starts ———

/** Pending flows without a transaction id created before `olderThan` (a start that died). */
export async function listInterruptedStarts(olderThan: Date, take: number): Promise<string[]> {
  const rows = await db.flow.findMany({ where: { status: "Pending", transactionId: null, createdAt: { lt: olderThan } }, select: { id: true }, take });
  return rows.map((r) => r.id);
}

/** Marks such a flow Error with its event, if it still is one; true when it was marked. */
export async function markStartInterrupted(flowId: string, olderThan: Date, now: Date, errorCode: string, message: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.flow.updateMany({
      where: { id: flowId, status: "Pending", transactionId: null, createdAt: { lt: olderThan } },
      data: { status: "Error", errorCode, errorMessage: message, finishedAt: now, nextCheckAt: null },
    });
    if (count) await tx.flowEvent.create({ data: { flowId, kind: "status", name: "Error", detail: message } });
    return count > 0;
  });
}

// ——— the watcher's schedule ———
//
// Through the driver (lib/data/sql.ts): the watcher runs these for every check of every pending
// flow and its tick reads the due ones four times a second, and through Prisma each statement
// was prepared again each time. A claim and an event's nudge only move nextCheckAt, which no
// page shows, so they leave updatedAt alone: a browser's stream (lib/flows/live.ts) reads the
// flow again when the check has written its outcome, not when it began.

export type DueFlow = { id: string; nextCheckAt: Date | null };
export type FlowCheck = DueFlow & { status: string; transactionId: string | null; createdAt: Date };

/** What the watcher needs to know about one flow before it asks the API. */
export async function getFlowCheck(id: string): Promise<FlowCheck | null> {
  const [row] = await read(function* (): Work<Row[]> {
    return yield q(`SELECT "id", "status", "nextCheckAt", "transactionId", "createdAt" FROM "Flow" WHERE "id" = $1`, id);
  });
  return row ? { id: text(row.id), status: text(row.status), nextCheckAt: maybeDate(row.nextCheckAt), transactionId: maybeText(row.transactionId), createdAt: dateOf(row.createdAt) } : null;
}

/** Runs one UPDATE … RETURNING and says whether it changed the row. */
async function updatedOne(sql: string, ...params: unknown[]): Promise<boolean> {
  const rows = await read(function* (): Work<Row[]> {
    return yield q(`${sql} RETURNING "id"`, ...params);
  });
  return rows.length === 1;
}

/**
 * Claims a due check: moves nextCheckAt to the lease's end only while the flow is still pending
 * and due, so exactly one caller wins, whatever format an older row's date was written in.
 */
export async function claimFlowCheck(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  return updatedOne(`UPDATE "Flow" SET "nextCheckAt" = $2 WHERE "id" = $1 AND "status" = 'Pending' AND "nextCheckAt" <= $3`, id, leaseUntil, now);
}

/** Makes a pending flow's check due now (a Signicat event said it changed); false when nothing is scheduled. */
export async function makeFlowCheckDue(id: string, now: Date): Promise<boolean> {
  return updatedOne(`UPDATE "Flow" SET "nextCheckAt" = $2 WHERE "id" = $1 AND "status" = 'Pending' AND "nextCheckAt" IS NOT NULL`, id, now);
}

/**
 * Writes when the API is asked next (null: never again) and why the last question failed. A flow
 * that another check finished meanwhile gets no next check; a deleted one is left alone. It
 * moves updatedAt: the check's exchanges and its error are news for the flow's page.
 */
export async function scheduleFlowCheck(id: string, nextCheckAt: Date | null, checkError: string | null): Promise<void> {
  const now = new Date();
  if (nextCheckAt && (await updatedOne(`UPDATE "Flow" SET "nextCheckAt" = $2, "checkError" = $3, "updatedAt" = $4 WHERE "id" = $1 AND "status" = 'Pending'`, id, nextCheckAt, checkError, now))) return;
  await updatedOne(`UPDATE "Flow" SET "nextCheckAt" = NULL, "checkError" = $2, "updatedAt" = $3 WHERE "id" = $1`, id, checkError, now);
}

/** The due checks, oldest first. */
export async function listDueFlowChecks(now: Date, take: number): Promise<DueFlow[]> {
  const rows = await read(function* (): Work<Row[]> {
    return yield q(`SELECT "id", "nextCheckAt" FROM "Flow" WHERE "status" = 'Pending' AND "nextCheckAt" <= $1 ORDER BY "nextCheckAt" ASC LIMIT $2`, now, Math.trunc(take));
  });
  return rows.map((r) => ({ id: text(r.id), nextCheckAt: maybeDate(r.nextCheckAt) }));
}

/** When each flow last changed, for the live streams' one read per tick. */
export async function readFlowVersions(ids: string[]): Promise<{ id: string; updatedAt: Date }[]> {
  const rows = await read(function* (): Work<Row[]> {
    return yield q(`SELECT "id", "updatedAt" FROM "Flow" WHERE "id" ${inJsonList()}`, JSON.stringify(ids));
  });
  return rows.map((r) => ({ id: text(r.id), updatedAt: dateOf(r.updatedAt) }));
}

// ——— the overview's figures ———

export type FlowDayCount = { type: string; day: string; total: number | bigint; completed: number | bigint; finished: number | bigint };
export type FlowDurationMiddle = { type: string; day: string | null; seconds: number };

/** SQLite keeps Prisma's DateTime as ISO text; PostgreSQL as timestamp(3). */
function overviewSql() {
  const pg = databaseProvider() === "postgresql";
  return {
    pg,
    seconds: pg ? `EXTRACT(EPOCH FROM ("finishedAt" - "createdAt"))::float8` : `(julianday("finishedAt") - julianday("createdAt")) * 86400.0`,
    param: pg ? "$1" : "?",
  };
}

/** Per type and UTC day since `since` (a day's start): how many flows, how many completed, how many finished, from the per-day counts (lib/data/queries/history.ts). */
export async function countFlowsPerDay(since: Date): Promise<FlowDayCount[]> {
  const sql = overviewSql();
  return db.$queryRawUnsafe<FlowDayCount[]>(
    `SELECT "type", "day", SUM("flows") AS "total",
            SUM(CASE WHEN "status" = 'Completed' THEN "flows" ELSE 0 END) AS "completed",
            SUM(CASE WHEN "status" <> 'Pending' THEN "flows" ELSE 0 END) AS "finished"
       FROM "FlowCount" WHERE "day" >= ${sql.param} GROUP BY "type", "day" HAVING SUM("flows") > 0`,
    since.toISOString().slice(0, 10),
  );
}

/**
 * The median duration (seconds) of completed flows per type and day, and per type (day null):
 * the database's own median (SQLite's median(), PostgreSQL's percentile_cont) over an index that
 * holds every column read. A windowed ranking of the same rows took 24 ms for 14 days of a
 * 100k-flow history on SQLite; this takes about 4. PostgreSQL computes both groupings from one
 * scan and sort (GROUPING SETS, which SQLite lacks) and formats a day once per group rather
 * than once per row: 10.6 -> 4.4 ms there.
 */
export async function completedDurationMedians(since: Date): Promise<FlowDurationMiddle[]> {
  const sql = overviewSql();
  const done = `FROM "Flow" WHERE "status" = 'Completed' AND "createdAt" >= ${sql.param} AND "finishedAt" IS NOT NULL`;
  if (sql.pg)
    return db.$queryRawUnsafe<FlowDurationMiddle[]>(
      `SELECT "type", to_char("createdAt"::date, 'YYYY-MM-DD') AS "day", percentile_cont(0.5) WITHIN GROUP (ORDER BY ${sql.seconds}) AS "seconds"
         ${done} GROUP BY GROUPING SETS (("type", "createdAt"::date), ("type"))`,
      since,
    );
  const day = `substr("createdAt", 1, 10)`;
  const value = since.toISOString();
  return db.$queryRawUnsafe<FlowDurationMiddle[]>(
    `SELECT "type", ${day} AS "day", median(${sql.seconds}) AS "seconds" ${done} GROUP BY "type", ${day}
     UNION ALL
     SELECT "type", NULL AS "day", median(${sql.seconds}) AS "seconds" ${done} GROUP BY "type"`,
    value,
    value, // "?" is bound once per use
  );
}

// ——— History's text search ———

/** Trigram indexes need three characters: a shorter fragment has no trigram to look up. */
export const MIN_INDEXED_SEARCH = 3;

/**
 * The ids of the flows whose externalRef, userId or transactionId contains `q` in any case,
 * found through the trigram index (FTS5 "FlowSearch" on SQLite, pg_trgm GIN on PostgreSQL),
 * or null when the index cannot answer: `q` is shorter than three characters, or more than
 * `limit` flows match (then a list of ids is no cheaper than the plain filter).
 */
export async function searchFlowIds(q: string, limit: number): Promise<string[] | null> {
  if (q.length < MIN_INDEXED_SEARCH) return null;
  const rows =
    databaseProvider() === "postgresql"
      ? await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "Flow" WHERE "externalRef" ILIKE $1 OR "userId" ILIKE $1 OR "transactionId" ILIKE $1 LIMIT $2`,
          `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          limit + 1,
        )
      : await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT f."id" AS "id" FROM "FlowSearch" s JOIN "Flow" f ON f.rowid = s.rowid WHERE "FlowSearch" MATCH ? LIMIT ?`,
          `"${q.replace(/"/g, '""')}"`,
          limit + 1,
        );
  return rows.length > limit ? null : rows.map((r) => r.id);
}
