// vitest's global setup: with TEST_DATABASE=postgresql the run uses PostgreSQL at
// TEST_POSTGRES_URL (a migrated template, copied for each test file by vitest.setup.ts);
// otherwise nothing to do, each test file makes its own SQLite file.
import { createTemplateDatabase, dropRunDatabases } from "./postgres-test-databases.mjs";

export async function setup({ provide }) {
  if (process.env.TEST_DATABASE !== "postgresql") return;
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE=postgresql needs TEST_POSTGRES_URL (a PostgreSQL server where databases may be created)");
  const template = await createTemplateDatabase(serverUrl);
  provide("postgresTemplate", template);
  return () => dropRunDatabases(serverUrl, template);
}
