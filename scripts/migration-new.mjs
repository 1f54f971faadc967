// Writes the migration covering what the schemas add to the committed migrations, for both
// databases under one name: prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
// prisma/postgres/migrations/<timestamp>_<name>/migration.sql (PostgreSQL).
// `npm run migration:new -- add_audit_reason`. Change the model in prisma/schema.prisma and
// prisma/postgres/schema.prisma alike first. The PostgreSQL diff replays the migrations in a
// scratch database, so it needs a server: MIGRATION_POSTGRES_URL or TEST_POSTGRES_URL.
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { defaultPostgresUrl, pendingSchemaSql, providers } from "./lib/schema-engine.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run migration:new -- <name>");
  process.exit(1);
}
if (!defaultPostgresUrl()) {
  console.error("set MIGRATION_POSTGRES_URL (or TEST_POSTGRES_URL) to a PostgreSQL server where a scratch database may be created: the PostgreSQL migration is made there");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
let wrote = 0;
for (const provider of ["sqlite", "postgresql"]) {
  const sql = await pendingSchemaSql({ provider });
  if (!sql.trim()) {
    console.log(`${provider}: the schema has no changes that the migrations do not cover.`);
    continue;
  }
  const { migrationsDir } = providers[provider];
  const dir = join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  const lock = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`${provider}: wrote ${dir}/migration.sql`);
  wrote++;
}
if (wrote === 1) console.warn("only one database got a migration: did you change the model in both schema files?");
process.exit(0);
