// `npm run bench`: speed and memory figures of a production build on this machine,
// against a fresh database on a loopback port. Prints figures; asserts nothing.
// Needs `npm run build` first.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { migrate } from "./migrate.mjs";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const port = process.env.BENCH_PORT || "3250";
const origin = `http://127.0.0.1:${port}`;
const dir = resolve(".data/bench");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env = { ...process.env, DATABASE_URL: `file:${dir}/console.db`, CONSOLE_KEY_FILE: `${dir}/key`, PORT: port, HOST: "127.0.0.1", ADMIN_EMAIL: "bench@example.test", ADMIN_PASSWORD: "bench-password-1", NEXT_TELEMETRY_DISABLED: "1" };
process.env.DATABASE_URL = env.DATABASE_URL;
migrate({ log: () => {} });

const started = performance.now();
const server = spawn("node_modules/.bin/next", ["start", "-p", port, "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitReady() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return performance.now() - started;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start in 30 s");
}

const rssMb = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
async function timed(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times;
}
const report = (label, times) =>
  console.log(`${label.padEnd(58)} n=${String(times.length).padStart(3)}  p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms`);

async function json(method, path, token, body) {
  const r = await fetch(`${origin}/emulator${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body && JSON.stringify(body) });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

try {
  const readyMs = await waitReady();
  console.log(`server ready after                                          ${readyMs.toFixed(0)} ms, RSS ${rssMb().toFixed(0)} MB`);
  const tokenBody = new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" });
  let token = "";
  report("emulator: token (client credentials, scrypt cached)", await timed(100, async () => {
    const r = await fetch(`${origin}/emulator/auth/open/connect/token`, { method: "POST", body: tokenBody });
    token = (await r.json()).access_token;
  }));
  report("emulator: start onboarding", await timed(100, () => json("POST", "/reuseid/id-onboardings", token, { input: {} })));
  const flows = [];
  report("emulator: whole onboarding (start, activate, prove, get)", await timed(50, async () => {
    const { data } = await json("POST", "/reuseid/id-onboardings", token, { input: {} });
    await json("POST", "/simulator/activations", token, { activationCode: data.activationCode });
    await json("POST", `/simulator/proofings/${data.processId}`, token, { outcome: "accepted" });
    const done = await json("GET", `/reuseid/id-onboardings/${data.transactionId}`, token);
    if (done.data.status !== "Completed") throw new Error("not completed");
    flows.push(done.data);
  }));
  report("emulator: get Assure process", await timed(100, (i) => json("GET", `/assure/dossiers/${flows[i % flows.length].dossierId}/processes/${flows[i % flows.length].processId}`, token)));

  // The console's own API, signed in through next-auth as a browser would.
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = await csrf.json();
  const login = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: "bench@example.test", password: "bench-password-1", json: "true" }),
  });
  const session = [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const console_ = (method, path, body) =>
    fetch(`${origin}${path}`, { method, headers: { cookie: session, "content-type": "application/json" }, body: body && JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.json();
    });
  const envs = await console_("GET", "/api/environments");
  const environmentId = envs.data[0].id;
  const ids = [];
  report("console: start onboarding (through the client)", await timed(50, async () => ids.push((await console_("POST", "/api/flows/onboarding", { environmentId })).data.id)));
  report("console: poll a pending flow (API asked)", await timed(30, async (i) => {
    await console_("GET", `/api/flows/${ids[i]}`);
    await new Promise((r) => setTimeout(r, 5)); // no artificial throttling hit: different flows
  }));
  report("console: history page of 25", await timed(50, () => console_("GET", "/api/flows")));
  console.log(`server RSS after the runs                                   ${rssMb().toFixed(0)} MB`);
} finally {
  stop();
}
