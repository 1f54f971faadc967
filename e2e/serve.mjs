// Starts the production build for the browser tests on a fresh database and key file,
// with a known admin, so every run begins from a clean console.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
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
  // The webhook tests' listener is the console itself, on loopback.
  EMULATOR_WEBHOOKS_ALLOW_PRIVATE: "true",
  // For the closing secret scan (e2e/zz-secret-scan.spec.ts): every API and emulator response body.
  RESPONSE_LOG_FILE: `${dir}/responses.jsonl`,
};
process.env.DATABASE_URL = env.DATABASE_URL;
migrate({ log: () => {} });
const child = spawn("node", ["scripts/start.mjs"], { stdio: ["inherit", "pipe", "pipe"], env });
// The server's output goes to the terminal and to server.log, which the secret scan reads.
const serverLog = createWriteStream(`${dir}/server.log`);
child.stdout.on("data", (chunk) => (process.stdout.write(chunk), serverLog.write(chunk)));
child.stderr.on("data", (chunk) => (process.stderr.write(chunk), serverLog.write(chunk)));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
