// Starts the production build for the browser tests on a fresh database and key file,
// with a known admin, so every run begins from a clean console.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { migrate } from "../scripts/migrate.mjs";

const port = process.env.E2E_PORT || "3100";
const dir = resolve(`.data/e2e-${port}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:${dir}/console.db`,
  CONSOLE_KEY_FILE: `${dir}/encryption.key`,
  PORT: port,
  HOST: "127.0.0.1",
  ADMIN_EMAIL: "admin@example.test",
  ADMIN_PASSWORD: "admin-password-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
};
process.env.DATABASE_URL = env.DATABASE_URL;
migrate({ log: () => {} });
const child = spawn("node", ["scripts/start.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
