// Writes prisma/migrations/<timestamp>_<name>/migration.sql covering what schema.prisma
// adds to the committed migrations: `npm run migration:new -- add_audit_reason`.
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pendingSchemaSql, migrationsDir } from "./lib/schema-engine.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run migration:new -- <name>");
  process.exit(1);
}
const sql = await pendingSchemaSql();
if (!sql.trim()) {
  console.log("schema.prisma has no changes that the migrations do not cover.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
const lock = join(migrationsDir, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "sqlite"\n');
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
process.exit(0);
