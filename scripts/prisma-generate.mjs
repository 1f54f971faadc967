// Runs `prisma generate` at install, once per provider: lib/generated/prisma (SQLite) from
// prisma/schema.prisma and lib/generated/prisma-pg (PostgreSQL) from prisma/postgres. Prisma's CLI first tries to download its native
// schema engine, which generate never uses; on a machine without internet an empty
// placeholder lets it go on. A machine that sets the variable itself is left alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = join(mkdtempSync(join(tmpdir(), "prisma-")), "schema-engine");
  writeFileSync(placeholder, "");
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  const run = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], { stdio: "inherit", env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
