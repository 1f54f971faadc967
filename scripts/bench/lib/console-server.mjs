// Starts a production build of the console (or the emulator alone) on a loopback port with a fresh
// database of its own, for the bench parts: SQLite in .data/bench-<port>/, or a new database on
// the PostgreSQL server BENCH_POSTGRES_URL names, dropped again by stop().
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { migrate } from "../../migrate.mjs";
import { withDatabase } from "../../lib/database-url.mjs";

export const ADMIN = { email: "bench@example.test", password: "bench-password-1" };

async function adminQuery(serverUrl, sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, migrated database on the PostgreSQL server BENCH_POSTGRES_URL names (a local default otherwise), and how to drop it. */
export async function createPostgresDatabase(label) {
  const serverUrl = process.env.BENCH_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5433/postgres";
  const name = `reuseid_${label}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  try {
    await migrate({ url, log: () => {} });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

/**
 * @param {{ port: number, database?: "sqlite" | "postgresql", script?: string, env?: Record<string, string> }} options
 * `script`: scripts/start.mjs (console and emulator, the default), scripts/emulator.mjs (the emulator
 * alone) or "next" (plain `next start`: every request through Next's router, as before the lean layer).
 * The request log is off (LOG_LEVEL=warn), as the mock servers' are; `captureOutput` keeps the
 * server's stdout for output() (e.g. the SQL lines of LOG_SQL=1 with LOG_LEVEL=debug).
 */
export async function startConsole({ port, database = "sqlite", script = "scripts/start.mjs", env = {}, captureOutput = false }) {
  const dir = resolve(`.data/bench-${port}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let databaseUrl = `file:${dir}/console.db`;
  let dropDatabase = async () => {};
  if (database === "postgresql") ({ url: databaseUrl, drop: dropDatabase } = await createPostgresDatabase(`bench_${port}`));
  else await migrate({ url: databaseUrl, log: () => {} });
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CONSOLE_KEY_FILE: `${dir}/key`,
    CONSOLE_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    PORT: String(port),
    HOST: "127.0.0.1",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    ...env,
  };
  const command = script === "next" ? ["node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"]] : [process.execPath, [script]];
  const started = performance.now();
  const child = spawn(command[0], command[1], { env: childEnv, stdio: ["ignore", captureOutput ? "pipe" : "ignore", "inherit"], detached: true });
  const output = [];
  child.stdout?.on("data", (chunk) => output.push(chunk));
  const origin = `http://127.0.0.1:${port}`;
  let readyMs = 0;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {}
    if (i > 600) throw new Error(`${script} did not start in 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  readyMs = performance.now() - started;
  const stopped = new Promise((r) => child.once("exit", r));
  return {
    origin,
    database,
    databaseUrl,
    readyMs,
    pid: child.pid,
    /** Server stdout so far, as text (the request log lines, and the SQL lines with LOG_SQL). */
    output: () => Buffer.concat(output).toString("utf8"),
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]) / 1024,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
        await Promise.race([stopped, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null)
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {}
      }
      await dropDatabase();
    },
  };
}

/** A client-credentials access token of the default emulator client. */
export async function emulatorToken(origin) {
  const body = new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: process.env.EMULATOR_CLIENT_SECRET || "emulator-secret" });
  const response = await fetch(`${origin}/emulator/auth/open/connect/token`, { method: "POST", body });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** A signed-in staff session's Cookie header, through next-auth's credentials sign-in as a browser does it. */
export async function consoleSession(origin) {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await csrf.json();
  const login = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
  });
  return [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

/** Rows in a table of a bench database (SQLite file or PostgreSQL URL), read directly. */
export async function countRows(databaseUrl, table) {
  if (databaseUrl.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const connection = new Database(databaseUrl.slice("file:".length), { readonly: true });
    try {
      return Number(connection.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get().n);
    } finally {
      connection.close();
    }
  }
  const { rows } = await adminQuery(databaseUrl, `SELECT COUNT(*)::int AS n FROM "${table}"`);
  return rows[0].n;
}
