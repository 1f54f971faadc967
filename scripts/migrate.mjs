// Applies the committed migrations in prisma/migrations to the database, recording
// each in _prisma_migrations exactly as `prisma migrate deploy` does (id, SHA-256
// checksum of the file's bytes, start and finish times), so either tool can take over.
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { databaseUrl, sqliteFile } from "./lib/database-url.mjs";

const migrationsDir = resolve(dirname(new URL(import.meta.url).pathname), "../prisma/migrations");

export function migrate({ url = databaseUrl(), log = console.log } = {}) {
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
    const names = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    let applied = 0;
    for (const name of names) {
      const bytes = readFileSync(join(migrationsDir, name, "migration.sql"));
      const checksum = createHash("sha256").update(bytes).digest("hex");
      const previous = done.get(name);
      if (previous) {
        if (!previous.finished_at) throw new Error(`migration ${name} failed earlier; fix the database, then remove its row from _prisma_migrations`);
        if (previous.checksum !== checksum) log(`warning: migration ${name} was changed after it was applied`);
        continue;
      }
      const id = randomUUID();
      const now = () => new Date().toISOString();
      db.prepare(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(id, checksum, name, now());
      try {
        db.transaction(() => db.exec(bytes.toString("utf8")))();
      } catch (error) {
        db.prepare(`UPDATE _prisma_migrations SET logs = ? WHERE id = ?`).run(String(error?.stack ?? error), id);
        throw new Error(`migration ${name} failed: ${error.message}`);
      }
      db.prepare(`UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(now(), id);
      applied++;
      log(`applied migration ${name}`);
    }
    if (!applied) log("database is up to date");
    return applied;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    migrate();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
