// Bench part (scripts/bench.mjs runs every scripts/bench/*.mjs): does a flood of wrong client
// secrets slow the console? /api/health's median idle, then while 64 parallel loops send
// wrong-secret token requests, and the ratio (target ≤ 2×: secrets are an HMAC, failures are
// braked per address and client). Runnable alone: `node scripts/bench/token-flood.mjs [--quick]`
// starts the production build on a fresh database (BENCH_PORT, default 3320).
import { spawn } from "node:child_process";
import { get } from "node:http";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const FLOOD_WIDTH = 64;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Its own connection per probe (node:http, no agent): the flood's pooled connections must not queue it on the client side.
const probe = (url) =>
  new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", resolve);
    }).on("error", reject);
  });

async function healthTimes(origin, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await probe(`${origin}/api/health`);
    times.push(performance.now() - t);
  }
  return times;
}

export async function run({ quick = false, origin, log = console.log }) {
  const samples = quick ? 30 : 100;
  await healthTimes(origin, 10); // warm the route
  const idle = median(await healthTimes(origin, samples));

  const statuses = new Map();
  let stop = false;
  const wrong = new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "not-the-secret" });
  const flood = Array.from({ length: FLOOD_WIDTH }, async () => {
    while (!stop) {
      const r = await fetch(`${origin}/emulator/auth/open/connect/token`, { method: "POST", body: wrong }).catch(() => null);
      if (r) await r.arrayBuffer();
      const key = r ? r.status : "error";
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
  });
  await new Promise((r) => setTimeout(r, 500)); // the flood is running
  const loaded = median(await healthTimes(origin, samples));
  stop = true;
  await Promise.all(flood);

  const ratio = loaded / idle;
  const answers = [...statuses].map(([status, count]) => `${count}× ${status}`).join(", ");
  log(`token flood: ${FLOOD_WIDTH} parallel wrong-secret loops answered ${answers}`);
  return [
    { area: "emulator", name: "/api/health median, idle", target: "", measured: Number(idle.toFixed(1)), unit: "ms", ok: null },
    { area: "emulator", name: `/api/health median, ${FLOOD_WIDTH} parallel wrong-secret token requests`, target: "", measured: Number(loaded.toFixed(1)), unit: "ms", ok: null },
    { area: "emulator", name: "/api/health under token flood ÷ idle", target: "≤ 2×", measured: Number(ratio.toFixed(2)), unit: "×", ok: ratio <= 2 },
  ];
}

async function standalone() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const port = process.env.BENCH_PORT || "3320";
  const origin = `http://127.0.0.1:${port}`;
  const dir = resolve(".data/bench-token-flood");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${dir}/console.db`, CONSOLE_KEY_FILE: `${dir}/key`, PORT: port, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" };
  const { migrate } = await import(pathToFileURL(resolve("scripts/migrate.mjs")).href);
  process.env.DATABASE_URL = env.DATABASE_URL;
  await migrate({ log: () => {} });
  const server = spawn("node_modules/.bin/next", ["start", "-p", port, "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stopServer = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  };
  process.on("exit", stopServer);
  try {
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error("server did not start in 30 s");
      if (
        await fetch(`${origin}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await run({ quick: process.argv.includes("--quick"), origin });
    console.table(rows);
    process.exitCode = rows.every((r) => r.ok !== false) ? 0 : 1;
  } finally {
    stopServer();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await standalone();
