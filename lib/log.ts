// Structured logs as JSON lines: time, level, message, and the request id and trace id of the
// request being served, when there is one. Never pass secrets or tokens here.
import { AsyncLocalStorage } from "node:async_hooks";
import { settings } from "@/lib/config";

type Fields = Record<string, unknown>;
export type LogContext = { requestId?: string; traceId?: string };

const context = new AsyncLocalStorage<LogContext>();

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

/** LOG_LEVEL (default info; DEBUG set means debug): lines below it are dropped. */
function minimumLevel(): number {
  const { LOG_LEVEL, DEBUG } = settings();
  return LOG_LEVEL ? LEVELS.indexOf(LOG_LEVEL) : DEBUG ? 0 : 1;
}

function write(level: Level, message: string, fields?: Fields) {
  if (LEVELS.indexOf(level) < minimumLevel()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context.getStore(), ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (message: string, fields?: Fields) => write("debug", message, fields),
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};

/** Runs `fn` with every log line inside it carrying these ids; `ids` may be filled in later (a trace id learnt mid-request). */
export function withLogContext<T>(ids: LogContext, fn: () => T): T {
  return context.run(ids, fn);
}

/** The one line per served request. */
export function logRequest(fields: { method: string; path: string; status: number; durationMs: number; requestId: string; traceId?: string | null }) {
  write(fields.status >= 500 ? "error" : "info", "request", { ...fields, traceId: fields.traceId ?? undefined });
}
