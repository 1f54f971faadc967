// Structured logs as JSON lines. Never pass secrets or tokens here.
type Fields = Record<string, unknown>;

function write(level: "debug" | "info" | "warn" | "error", message: string, fields?: Fields) {
  if (level === "debug" && !process.env.DEBUG) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (message: string, fields?: Fields) => write("debug", message, fields),
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};
