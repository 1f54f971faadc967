// The History over its filters: a page of flows, the counts per status, and the batches an export
// streams. The filters arrive as plain values (lib/flows/history.ts makes them from the URL) and
// become one SQL where-clause, read through the driver (lib/data/sql.ts). At 100k flows a status
// count through Prisma's groupBy took 50–100 ms, and a 1,000-row export batch spent 87 ms in
// Prisma's per-row mapping and relation queries.
import { databaseProvider } from "@/lib/data/db";
import { inJsonList, q, read, type Query, type Row, type Work } from "@/lib/data/sql";
import { dateOf } from "@/lib/data/rows";
import { listItemsOf, type FlowListItem, type FlowListRow } from "./flows";

export type HistoryFilter = {
  type?: string;
  status?: string;
  environmentId?: string;
  startedById?: string;
  /** createdAt ≥ from */
  from?: Date;
  /** createdAt < before */
  before?: Date;
  /** The free text: the flows the search index found, or a fragment to look for in externalRef, userId and transactionId, in any case. */
  text?: { ids: string[] } | { contains: string };
};

/** The filter's equalities (type, status, environment, starter), on columns "Flow" and "FlowCount" share. */
function equalitiesSql(f: HistoryFilter, column: (name: string) => string, p: (value: unknown) => string): string[] {
  const and: string[] = [];
  for (const key of ["type", "status", "environmentId", "startedById"] as const) if (f[key]) and.push(`${column(key)} = ${p(f[key])}`);
  return and;
}

/** The filter as SQL over "Flow" AS f, its parameters numbered from `params.length + 1`. The free text is literal: `%` and `_` are characters to look for. */
function historySql(f: HistoryFilter, params: unknown[]): string {
  const pg = databaseProvider() === "postgresql";
  const p = (value: unknown) => `$${params.push(value)}`;
  const and = equalitiesSql(f, (name) => `f."${name}"`, p);
  if (f.from) and.push(`f."createdAt" >= ${p(f.from)}`);
  if (f.before) and.push(`f."createdAt" < ${p(f.before)}`);
  if (f.text && "ids" in f.text) and.push(pg ? `f."id" = ANY(${p(f.text.ids)}::text[])` : `f."id" IN (SELECT "value" FROM json_each(${p(JSON.stringify(f.text.ids))}))`);
  if (f.text && "contains" in f.text) {
    const pattern = p(`%${f.text.contains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const like = pg ? "ILIKE" : "LIKE"; // SQLite's LIKE ignores case (ASCII), as Prisma's contains does there
    and.push(`(${["externalRef", "userId", "transactionId"].map((c) => `f."${c}" ${like} ${pattern} ESCAPE '\\'`).join(" OR ")})`);
  }
  return and.length ? and.join(" AND ") : "TRUE";
}

/** A whole UTC day's start (or none): what the per-day counts can answer exactly. */
const wholeDay = (d: Date | undefined) => d === undefined || d.getTime() % 86_400_000 === 0;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * How many flows the filter selects, per status. The History's filters (whole UTC days, no free
 * text) add up the per-day counts that triggers keep in "FlowCount": a few rows per day
 * whatever the number of flows. Counting 100k flows took 15–50 ms on SQLite, the rows scanned
 * growing with the history. Free text (or a filter between other instants) counts the flows.
 */
export async function countFlowsByStatus(f: HistoryFilter = {}): Promise<Record<string, number>> {
  const params: unknown[] = [];
  let sql: string;
  if (!f.text && wholeDay(f.from) && wholeDay(f.before)) {
    const p = (value: unknown) => `$${params.push(value)}`;
    const and = ["TRUE", ...equalitiesSql(f, (name) => `"${name}"`, p)];
    if (f.from) and.push(`"day" >= ${p(dayOf(f.from))}`);
    if (f.before) and.push(`"day" < ${p(dayOf(f.before))}`);
    sql = `SELECT "status", SUM("flows") AS "n" FROM "FlowCount" WHERE ${and.join(" AND ")} GROUP BY "status" HAVING SUM("flows") > 0`;
  } else {
    sql = `SELECT f."status" AS "status", COUNT(*) AS "n" FROM "Flow" AS f WHERE ${historySql(f, params)} GROUP BY f."status"`;
  }
  const rows = await read(function* (): Work<Row[]> {
    return yield q(sql, ...params);
  });
  return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
}

/** How many flows the per-status counts add up to. */
export const totalOf = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** The filter's flows on one page of the History, newest first. */
export async function listHistoryPage(f: HistoryFilter, page: number, pageSize: number): Promise<FlowListItem[]> {
  const rows = await read(function* (): Work<FlowListRow[]> {
    return yield* withRelations(yield listQuery(f, () => "TRUE", pageSize, (page - 1) * pageSize), dateOf);
  });
  return listItemsOf(rows);
}

/** A list row whose instants are `D`: Dates for the History's list, ISO text for an export. */
type Instants<D> = Omit<FlowListRow, "createdAt" | "finishedAt"> & { createdAt: D; finishedAt: D | null };

/** An export's row: a list row whose instants are ISO text, as the CSV writes them. */
export type FlowExportRow = Instants<string>;

/**
 * The next `take` flows after `after` in the History's order (newest first, then by id), each
 * with its environment and who started it, for an export. Read as two index ranges, the rest of
 * `after`'s own instant and then everything older: one `createdAt < at OR (createdAt = at AND
 * id < …)` made SQLite sort every older row for each batch (136 ms per batch at 100k flows
 * against 3 ms), so an export grew with the square of the history. The instants stay ISO text:
 * parsing 200k of them into Dates to print them again took a tenth of a 100k-flow export.
 */
export async function exportBatch(f: HistoryFilter, after: { createdAt: string; id: string } | null, take: number): Promise<FlowExportRow[]> {
  const batch = (range: (params: unknown[]) => string, limit: number) => listQuery(f, range, limit, 0);
  return read(function* (): Work<FlowExportRow[]> {
    if (!after) return yield* withRelations(yield batch(() => "TRUE", take), isoOf);
    const at = new Date(after.createdAt);
    const sameInstant = yield batch((params) => `f."createdAt" = $${params.push(at)} AND f."id" < $${params.push(after.id)}`, take);
    const older = sameInstant.length < take ? yield batch((params) => `f."createdAt" < $${params.push(at)}`, take - sameInstant.length) : [];
    return yield* withRelations([...sameInstant, ...older], isoOf);
  });
}

/**
 * The History's flows in its order (newest first, then by id): the filter and `range`, `limit` of
 * them after skipping `offset`. Flows alone: their environments and starters are read after, by
 * id (withRelations). Joined in the same SELECT, SQLite walked the environments first and sorted
 * all 100k flows (220 ms a page), or built an index of each 1,000-row export batch to join it.
 */
function listQuery(f: HistoryFilter, range: (params: unknown[]) => string, limit: number, offset: number): Query {
  const params: unknown[] = [];
  const where = historySql(f, params);
  const more = range(params);
  return q(
    `SELECT f."id", f."type", f."status", f."externalRef", f."transactionId", f."userId", f."environmentId", f."startedById", f."errorCode", f."errorMessage", f."createdAt", f."finishedAt"
       FROM "Flow" AS f WHERE ${where} AND ${more} ORDER BY f."createdAt" DESC, f."id" DESC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    ...params,
  );
}

/** The flows with their environment and starter, each read once by id (a batch has a handful of each); their instants as `instant` makes them. */
function* withRelations<D>(flows: Row[], instant: (value: unknown) => D): Work<Instants<D>[]> {
  if (flows.length === 0) return [];
  const idsOf = (key: string) => JSON.stringify([...new Set(flows.map((r) => String(r[key])))]);
  const ids = inJsonList();
  const environments = new Map((yield q(`SELECT "id", "name", "kind", "deletedAt" FROM "Environment" WHERE "id" ${ids}`, idsOf("environmentId"))).map((e) => [String(e.id), e]));
  const staff = new Map((yield q(`SELECT "id", "name", "email" FROM "StaffUser" WHERE "id" ${ids}`, idsOf("startedById"))).map((s) => [String(s.id), s]));
  return flows.map((r) => listRowOf(r, environments.get(String(r.environmentId)), staff.get(String(r.startedById)), instant));
}

/** The ISO text toISOString() gives: SQLite's own text when it is already that instant in UTC, without a Date between. */
const SQLITE_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const isoOf = (value: unknown): string => (typeof value === "string" && SQLITE_UTC.test(value) ? `${value.slice(0, 23)}Z` : dateOf(value).toISOString());

/** A driver row as the shape Prisma gives the History (nested relations), its instants as `instant` makes them. */
function listRowOf<D>(r: Row, e: Row | undefined, s: Row | undefined, instant: (value: unknown) => D): Instants<D> {
  return {
    id: String(r.id),
    type: String(r.type),
    status: String(r.status),
    externalRef: (r.externalRef as string | null) ?? null,
    transactionId: (r.transactionId as string | null) ?? null,
    userId: (r.userId as string | null) ?? null,
    environmentId: String(r.environmentId),
    errorCode: (r.errorCode as string | null) ?? null,
    errorMessage: (r.errorMessage as string | null) ?? null,
    createdAt: instant(r.createdAt),
    finishedAt: r.finishedAt === null || r.finishedAt === undefined ? null : instant(r.finishedAt),
    // Both are required relations, so a flow always has them.
    environment: { id: String(r.environmentId), name: String(e?.name), kind: String(e?.kind), deletedAt: e?.deletedAt === null || e?.deletedAt === undefined ? null : dateOf(e.deletedAt) },
    startedBy: { id: String(r.startedById), name: String(s?.name), email: String(s?.email) },
  };
}

/**
 * Who has started flows, for the History's "started by" filter: the staff that have a row of
 * per-day counts above zero, each looked up through the counts' startedById index. Prisma's
 * `flows: { some: {} }` read every flow on PostgreSQL to find them (140 ms at 100k flows), and an
 * `IN (SELECT … FROM "FlowCount")` read every count (1 ms on SQLite; 0.01 ms this way).
 */
export async function listFlowStarters(): Promise<{ id: string; name: string; email: string }[]> {
  const rows = await read(function* (): Work<Row[]> {
    return yield q(
      `SELECT s."id", s."name", s."email" FROM "StaffUser" AS s
        WHERE EXISTS (SELECT 1 FROM "FlowCount" AS c WHERE c."startedById" = s."id" AND c."flows" > 0) ORDER BY s."name"`,
    );
  });
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), email: String(r.email) }));
}
