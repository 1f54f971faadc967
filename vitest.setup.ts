// Every test worker gets its own freshly migrated SQLite database and key file,
// set before any test module imports lib/db.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error plain ES module without types
import { migrate } from "./scripts/migrate.mjs";

const dir = mkdtempSync(join(tmpdir(), "reuseid-test-"));
process.env.DATABASE_URL = `file:${join(dir, "test.db")}`;
process.env.CONSOLE_KEY_FILE = join(dir, "encryption.key");
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-that-is-long-enough";
migrate({ log: () => {} });
