// Applies the committed migrations for the database DATABASE_URL names (prisma/migrations for
// SQLite, prisma/postgres/migrations for PostgreSQL), recording each in _prisma_migrations
// exactly as `prisma migrate deploy` does (id, SHA-256 checksum of the file's bytes, start and
// finish times), so either tool can take over. Several instances starting at once on one
// PostgreSQL database are serialised by an advisory lock; SQLite's write lock does the same.
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { databaseProvider, databaseUrl, sqliteFile } from "./lib/database-url.mjs";

const prismaDir = resolve(dirname(new URL(import.meta.url).pathname), "../prisma");
export const migrationsDirs = { sqlite: join(prismaDir, "migrations"), postgresql: join(prismaDir, "postgres/migrations") };

/** The committed migrations of a provider, in order: name, exact SQL text and checksum. */
export function committedMigrations(provider) {
  const dir = migrationsDirs[provider];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

function checkApplied(migration, previous, log) {
  if (!previous.finished_at) throw new Error(`migration ${migration.name} failed earlier; fix the database, then remove its row from _prisma_migrations`);
  if (previous.checksum !== migration.checksum) log(`warning: migration ${migration.name} was changed after it was applied`);
}

/** Applies what is missing; resolves to how many migrations were applied. SQLite work is done before the first await. */
export async function migrate({ url = databaseUrl(), log = console.log, migrations = undefined } = {}) {
  const applied = databaseProvider(url) === "postgresql" ? await migratePostgres(url, log) : migrateSqlite(url, log, migrations ?? committedMigrations("sqlite"));
  if (!applied) log("database is up to date");
  return applied;
}

function migrateSqlite(url, log, migrations) {
  const db = new Database(sqliteFile(url));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`).all();
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    let applied = 0;
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        checkApplied(migration, previous, log);
        continue;
      }
      const id = randomUUID();
      const now = () => new Date().toISOString();
      db.prepare(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(id, migration.checksum, migration.name, now());
      // Like prisma migrate: foreign keys off around the migration (a PRAGMA inside a transaction
      // is ignored), so Prisma's table rebuilds (DROP + rename) do not fire ON DELETE CASCADE/SET NULL;
      // then check nothing dangles before committing.
      db.pragma("foreign_keys = OFF");
      try {
        db.transaction(() => {
          db.exec(migration.sql);
          const dangling = db.pragma("foreign_key_check");
          if (dangling.length) throw new Error(`foreign keys broken by the migration: ${JSON.stringify(dangling.slice(0, 5))}`);
        })();
      } catch (error) {
        db.prepare(`UPDATE _prisma_migrations SET logs = ? WHERE id = ?`).run(String(error?.stack ?? error), id);
        throw new Error(`migration ${migration.name} failed: ${error.message}`);
      } finally {
        db.pragma("foreign_keys = ON");
      }
      db.prepare(`UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(now(), id);
      applied++;
      log(`applied migration ${migration.name}`);
    }
    return applied;
  } finally {
    db.close();
  }
}

// Any constant shared by every instance of this console: the key of the advisory lock.
const MIGRATION_LOCK = 7_301_946_512;

async function migratePostgres(url, log) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    let applied = 0;
    for (const migration of committedMigrations("postgresql")) {
      const previous = done.get(migration.name);
      if (previous) {
        checkApplied(migration, previous, log);
        continue;
      }
      const id = randomUUID();
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [id, migration.checksum, migration.name]);
      try {
        // Without parameters pg uses the simple query protocol, which runs the whole file.
        await client.query(`BEGIN;\n${migration.sql}\n;COMMIT;`);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [String(error?.stack ?? error), id]);
        throw new Error(`migration ${migration.name} failed: ${error.message}`);
      }
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      applied++;
      log(`applied migration ${migration.name}`);
    }
    return applied;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    await client.end();
  }
}

// No top-level await: CommonJS callers (Playwright's loader) require() this module.
if (import.meta.url === `file://${process.argv[1]}`) {
  migrate().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
