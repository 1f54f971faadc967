/**
 * The database through its driver directly (better-sqlite3 or pg), with statements prepared once
 * per connection, for the paths where Prisma's per-query and per-row cost was most of the time:
 * the emulator's hot paths (lib/emulator/store) and the History's counts and exports
 * (lib/data/queries/history.ts). Everything else keeps using Prisma; both see the same tables.
 *
 * A unit of work is written once, as a generator that yields queries (`q(...)`) and gets their
 * rows back. On SQLite it runs synchronously inside one better-sqlite3 transaction: nothing else
 * runs on the event loop meanwhile, so Prisma's own connection never meets our write lock
 * half-way (a blocking busy-wait there would stall the very loop that has to release it). On
 * PostgreSQL it runs on one pooled client between BEGIN and COMMIT.
 */
import BetterSqlite3 from "better-sqlite3";
import pg, { type Pool, type PoolClient } from "pg";
import { databaseProvider, logSql } from "@/lib/data/db";
import { log } from "@/lib/log";
import { settings } from "@/lib/config";
import type { Maybe } from "@/lib/maybe";

export type Row = Record<string, unknown>;

/** A query in PostgreSQL's `$1` notation; on SQLite the parameters become `@p1`. */
export type Query = { sql: string; params: unknown[]; values?: true };

export const q = (sql: string, ...params: unknown[]): Query => ({ sql, params });

/**
 * A query whose rows come back as arrays of values in the SELECT's order (yielded, it gives
 * `Row[]` by type: read them with `valuesOf`). For wide rows: better-sqlite3 builds an object of
 * 59 named columns in 20 µs and the array in 11, and reading it needs no per-column key.
 */
export const qValues = (sql: string, ...params: unknown[]): Query => ({ sql, params, values: true });
export const valuesOf = (rows: Row[]): unknown[][] => rows as unknown as unknown[][];

/** A unit of work: yields queries, receives each one's rows, returns its result. */
export type Work<T> = Generator<Query, T, Row[]>;

type Driver = {
  provider: "sqlite" | "postgresql";
  run<T>(work: () => Work<T>, transactional: boolean): Promise<T>;
  /** Reads without a transaction; on SQLite the result itself, with no promise, unless the database was busy. */
  runNow<T>(work: () => Work<T>): Maybe<T>;
};

function sqliteDriver(url: string): Driver {
  const file = url.slice("file:".length).split("?")[0];
  const connection = new BetterSqlite3(file, { fileMustExist: true });
  connection.pragma("journal_mode = WAL");
  // In WAL mode NORMAL syncs at checkpoints rather than at each commit: a commit survives the
  // process crashing and the database is never corrupted; only a power cut can take back the
  // last commits. FULL's sync per commit was a third of an onboarding's POST here.
  connection.pragma("synchronous = NORMAL");
  // No busy-wait on the event loop: a locked database throws SQLITE_BUSY at once, and the
  // whole unit of work is tried again a moment later (see run below).
  connection.pragma("busy_timeout = 0");
  const statements = new Map<string, BetterSqlite3.Statement>();
  const valueStatements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string, values: boolean) => {
    const cache = values ? valueStatements : statements;
    let statement = cache.get(sql);
    if (!statement) {
      statement = connection.prepare(sql.replace(/\$(\d+)/g, "@p$1"));
      if (values) statement.raw(true);
      cache.set(sql, statement);
    }
    return statement;
  };
  const execute = (query: Query): Row[] => {
    const statement = prepare(query.sql, query.values === true);
    const params = Object.fromEntries(query.params.map((value, i) => [`p${i + 1}`, sqliteValue(value)]));
    if (statement.reader) return statement.all(params) as Row[];
    statement.run(params);
    return [];
  };
  const runOnce = <T>(work: () => Work<T>): T => {
    const generator = work();
    let step = generator.next();
    while (!step.done) step = generator.next(execute(step.value));
    return step.value;
  };
  const driver: Driver = {
    provider: "sqlite",
    runNow(work) {
      try {
        return runOnce(work);
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        return driver.run(work, false);
      }
    },
    async run(work, transactional) {
      for (let attempt = 0; ; attempt++) {
        try {
          return transactional ? connection.transaction(() => runOnce(work)).immediate() : runOnce(work);
        } catch (error) {
          if ((error as { code?: string }).code !== "SQLITE_BUSY" || attempt >= 200) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(50, 1 + attempt * 2)));
        }
      }
    },
  };
  return driver;
}

/** SQLite has no Date: Prisma stores DateTime as ISO text with an explicit +00:00, and so do we. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * pg writes a Date in the server's local time with its offset, and a TIMESTAMP column drops the
 * offset: away from UTC every moment was stored shifted (an activation code written in New York
 * had expired five hours before it was made). As UTC text it is stored as Prisma stores it.
 */
function postgresValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function postgresDriver(url: string): Driver {
  // Prisma's TIMESTAMP(3) columns hold UTC without a zone: read them as UTC, not local time.
  const TIMESTAMP = 1114;
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      oid === TIMESTAMP ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : (pg.types.getTypeParser(oid, format) as (text: string) => unknown),
  };
  const pool: Pool = new pg.Pool({ connectionString: url, max: 10, types: types });
  const names = new Map<string, string>();
  // A named query is parsed and planned once per connection, then only bound and executed.
  const execute = async (client: Pool | PoolClient, query: Query): Promise<Row[]> => {
    let name = names.get(query.sql);
    if (!name) names.set(query.sql, (name = `direct_${names.size}`));
    const result = await client.query({ name, text: query.sql, values: query.params.map(postgresValue), ...(query.values ? { rowMode: "array" as const } : {}) });
    return result.rows as Row[];
  };
  const runOn = async <T>(client: Pool | PoolClient, work: () => Work<T>): Promise<T> => {
    const generator = work();
    let step = generator.next();
    while (!step.done) step = generator.next(await execute(client, step.value));
    return step.value;
  };
  return {
    provider: "postgresql",
    runNow: (work) => runOn(pool, work),
    async run(work, transactional) {
      if (!transactional) return runOn(pool, work);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await runOn(client, work);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

let current: { url: string; driver: Driver } | undefined;

function driver(): Driver {
  const url = settings().DATABASE_URL;
  if (current?.url !== url) current = { url, driver: counted(databaseProvider(url) === "postgresql" ? postgresDriver(url) : sqliteDriver(url)) };
  return current.driver;
}

/** With LOG_SQL=1, one "sql" log line per statement, as lib/data/db.ts does for Prisma's. */
function counted(driver: Driver): Driver {
  if (!logSql()) return driver;
  const logged = <T>(work: () => Work<T>) =>
    function* (): Work<T> {
      const inner = work();
      let step = inner.next();
      while (!step.done) {
        log.debug("sql", { via: "driver", query: step.value.sql.replace(/\s+/g, " ").slice(0, 160) });
        step = inner.next(yield step.value);
      }
      return step.value;
    };
  return {
    provider: driver.provider,
    run: (work, transactional) => driver.run(logged(work), transactional),
    runNow: (work) => driver.runNow(logged(work)),
  };
}

/**
 * `"column" ${inJsonList()}` matches the values of a JSON array passed as one parameter (`$1`
 * unless named): one statement, prepared once, whatever the number of values.
 */
export const inJsonList = (param = "$1"): string => (databaseProvider() === "postgresql" ? `= ANY(SELECT json_array_elements_text(${param}::json))` : `IN (SELECT "value" FROM json_each(${param}))`);

/**
 * `(a, b) ${inJsonPairs()}` matches the pairs of a JSON array of two-element arrays passed as one
 * parameter, so a two-column index (a, b) answers it.
 */
export const inJsonPairs = (param = "$1"): string =>
  databaseProvider() === "postgresql"
    ? `IN (SELECT e->>0, e->>1 FROM json_array_elements(${param}::json) AS e)`
    : `IN (SELECT json_extract("value", '$[0]'), json_extract("value", '$[1]') FROM json_each(${param}))`;

/** Runs reads (or a single write) without a transaction. */
export const read = <T>(work: () => Work<T>): Promise<T> => driver().run(work, false);

/** The same for the emulator's hottest reads: on SQLite the result at once (lib/maybe.ts). */
export const readNow = <T>(work: () => Work<T>): Maybe<T> => driver().runNow(work);

/** Runs a unit of work in one transaction. */
export const transact = <T>(work: () => Work<T>): Promise<T> => driver().run(work, true);
