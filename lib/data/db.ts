// The database: SQLite (a `file:` DATABASE_URL, the default) or PostgreSQL (`postgresql://`).
// Each provider has its own schema and generated client with the same models
// (prisma/schema.prisma and prisma/postgres/schema.prisma), so `db` has one type for callers.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { settings } from "@/lib/config";
import { log as logger } from "@/lib/log";

export const DEFAULT_DATABASE_URL = "file:./.data/console.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url = settings().DATABASE_URL): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL), got ${url.split(":")[0]}:`);
}

/** LOG_SQL=1 (with LOG_LEVEL=debug): one "sql" log line per statement, for the bench's statement counts. */
export const logSql = () => settings().LOG_SQL;

function createClient(): PrismaClient {
  const url = settings().DATABASE_URL;
  const log = logSql() ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  const client =
    databaseProvider(url) === "postgresql"
      ? // The same models generated for PostgreSQL: its delegates take and return what the SQLite client's do.
        (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }), log }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }), log });
  if (log) {
    (client as unknown as { $on(event: "query", fn: (e: { query: string }) => void): void }).$on("query", (e) => logger.debug("sql", { via: "prisma", query: e.query.slice(0, 160) }));
  }
  return client;
}

// One client per process; dev reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? createClient();
if (settings().NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = typeof db;
import type { Prisma } from "@/lib/generated/prisma/client";
export type { Prisma };
/** What a query function that may run inside a caller's transaction takes: the transaction client, or `db` itself. */
export type DbClient = Prisma.TransactionClient;

/** The committed migrations (folders under prisma/ or prisma/postgres/) that this database has not finished applying. */
export async function pendingMigrations(): Promise<string[]> {
  const dir = join(/*turbopackIgnore: true*/ process.cwd(), databaseProvider() === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations");
  const committed = readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  let applied: { migration_name: string }[] = [];
  try {
    applied = await db.$queryRawUnsafe(`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`);
  } catch (error) {
    if (!/_prisma_migrations/.test(String(error))) throw error; // a database never migrated has no table: all pending
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return committed.filter((name) => !done.has(name)).sort();
}

/**
 * An interactive transaction that behaves as if it ran alone, for read-then-write checks such as
 * "someone else is still admin". SQLite serialises writers anyway; PostgreSQL runs it SERIALIZABLE
 * and tells the loser of a conflict so (P2034 from a statement, or the adapter's
 * TransactionWriteConflict from COMMIT); it is retried and then sees the winner's write.
 */
export async function serializableTransaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { isolationLevel: "Serializable" });
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
    }
  }
}

function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: string; cause?: { kind?: string }; message?: string } | null;
  return e?.code === "P2034" || e?.cause?.kind === "TransactionWriteConflict" || /TransactionWriteConflict/.test(e?.message ?? "");
}

/**
 * A "contains" filter that ignores case on both databases: SQLite's LIKE already does (for
 * ASCII), PostgreSQL needs `mode: "insensitive"`, which the SQLite client's types do not know.
 */
export function containsText(text: string): { contains: string } {
  return (databaseProvider() === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}
