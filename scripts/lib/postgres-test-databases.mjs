// PostgreSQL databases for a test run on the server TEST_POSTGRES_URL names: one migrated
// template per run, and for each test file a fresh copy of it (CREATE DATABASE … TEMPLATE is
// a file copy, much faster than migrating again). Everything a run made is dropped at its end.
import { randomBytes } from "node:crypto";
import { withDatabase } from "./database-url.mjs";
import { migrate } from "../migrate.mjs";

async function admin(url, sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Makes and migrates this run's template; returns its name (also the prefix of the run's databases). */
export async function createTemplateDatabase(serverUrl) {
  const name = `reuseid_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  await migrate({ url: withDatabase(serverUrl, name), log: () => {} });
  return name;
}

/** A fresh copy of the template; returns its URL. */
export async function createDatabaseFromTemplate(serverUrl, template) {
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return withDatabase(serverUrl, name);
}

/** Drops the template and every copy of it, even with connections still open. */
export async function dropRunDatabases(serverUrl, template) {
  const { rows } = await admin(serverUrl, `SELECT datname FROM pg_database WHERE datname = '${template}' OR datname LIKE '${template}\\_%'`);
  for (const { datname } of rows) await admin(serverUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}
