// The one place that reads DATABASE_URL; scripts and the app agree on the default and on
// which database a URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./.data/console.db";

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** "sqlite" or "postgresql"; anything else is refused with the URL's scheme in the message. */
export function databaseProvider(url = databaseUrl()) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL), got ${url.split(":")[0]}:`);
}

/** The SQLite file a `file:` URL names, resolved against the working directory, its folder created. */
export function sqliteFile(url = databaseUrl()) {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got ${url.split(":")[0]}:`);
  const file = resolve(url.slice("file:".length).split("?")[0]);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

/** The same PostgreSQL server and credentials, another database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
