// Every test file gets its own freshly migrated database and key file, set before any test
// module imports lib/db: an SQLite file, or with TEST_DATABASE=postgresql a copy of the run's
// migrated PostgreSQL template (see scripts/lib/vitest-global-setup.mjs).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
// @ts-expect-error plain ES module without types
import { migrate as untypedMigrate } from "./scripts/migrate.mjs";
// @ts-expect-error plain ES module without types
import { createDatabaseFromTemplate as untypedCreateDatabaseFromTemplate } from "./scripts/lib/postgres-test-databases.mjs";

// Their signatures, as far as this file uses them (scripts/migrate.mjs, scripts/lib/postgres-test-databases.mjs).
const migrate = untypedMigrate as (options?: { url?: string; log?: (line: string) => void }) => Promise<number>;
const createDatabaseFromTemplate = untypedCreateDatabaseFromTemplate as (serverUrl: string | undefined, template: string) => Promise<string>;

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate?: string;
  }
}

const dir = mkdtempSync(join(tmpdir(), "reuseid-test-"));
process.env.CONSOLE_KEY_FILE = join(dir, "encryption.key");
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-that-is-long-enough";
// One line per request is useful in a server log, noise in test output.
process.env.LOG_LEVEL ??= "warn";
// The tests' webhook listeners are on loopback; lib/emulator/webhook-target.test.ts turns this off.
process.env.EMULATOR_WEBHOOKS_ALLOW_PRIVATE ??= "true";
const template = inject("postgresTemplate");
if (template) {
  process.env.DATABASE_URL = await createDatabaseFromTemplate(process.env.TEST_POSTGRES_URL, template);
} else {
  process.env.DATABASE_URL = `file:${join(dir, "test.db")}`;
  await migrate({ log: () => {} });
}
