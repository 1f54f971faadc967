// Bench part (issue 13 item 4): the emulator against the mock servers a team would pick instead,
// serving the same two endpoints (GET one onboarding, POST onboardings) in the same run, with
// autocannon at 20 connections: Stoplight Prism (stateless, from OpenAPI), json-server (stateful,
// rewrites its JSON file on every write) and WireMock (stateless stubs, JVM; skipped with a reason
// when Java or its jar is missing). The emulator runs inside the console (this runner's, SQLite)
// and alone (`npm run emulator`) on SQLite and on PostgreSQL, each on a database of its own; every
// POST it answers is a committed flow. A floor per database runs the emulator's own statements
// behind a bare node:http handler. Runnable alone: `node scripts/bench/emulator-vs-mocks.mjs [--quick]`.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { migrate } from "../migrate.mjs";
import { countRows, createPostgresDatabase, emulatorToken, startConsole } from "./lib/console-server.mjs";
import { load } from "./lib/measure.mjs";

const PEERS = resolve("scripts/bench/peers");
const ONBOARDING = {
  transactionId: "8f1c2a3e-0000-4000-8000-000000000001",
  userId: "8f1c2a3e-0000-4000-8000-000000000002",
  activationCode: "1234567890",
  status: "Pending",
  dossierId: "8f1c2a3e-0000-4000-8000-000000000003",
  processId: "8f1c2a3e-0000-4000-8000-000000000004",
};
const POST_BODY = JSON.stringify({ provider: "videoid" });
// Not peers a team would pick: the emulator's own statements behind a bare node:http handler, per database.
const FLOOR = "floor: node:http + the emulator's SQLite statements";
const PG_FLOOR = "floor: node:http + the emulator's PostgreSQL statements";

function spawnPeer(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true, ...options });
  let stderr = "";
  child.stderr?.on("data", (c) => (stderr = (stderr + c).slice(-2000)));
  const exited = new Promise((r) => child.once("exit", r));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    },
  };
}

async function waitFor(url, peer, headers, seconds = 60) {
  for (let i = 0; i < seconds * 10; i++) {
    if (peer.child.exitCode !== null) throw new Error(`exited: ${peer.stderr()}`);
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${seconds} s`);
}

function wiremockJar() {
  const dir = resolve("node_modules/wiremock/build");
  const jar = existsSync(dir) && readdirSync(dir).find((f) => /^wiremock-standalone-.*\.jar$/.test(f));
  return jar ? resolve(dir, jar) : null;
}

/** Starts each peer, measures both endpoints, stops it; a peer that cannot start is skipped with its reason. */
async function measurePeers({ basePort, seconds, log }) {
  const dir = resolve(`.data/bench-mocks-${basePort}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/wiremock/mappings`, { recursive: true });
  writeFileSync(`${dir}/db.json`, JSON.stringify({ "id-onboardings": [{ id: ONBOARDING.transactionId, data: ONBOARDING }] }));
  writeFileSync(`${dir}/routes.json`, JSON.stringify({ "/reuseid/*": "/$1" }));
  copyFileSync(`${PEERS}/wiremock-mappings.json`, `${dir}/wiremock/mappings/onboardings.json`);
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  const pgFloor = { url: "", drop: async () => {} };
  const jar = wiremockJar();
  const peers = [
    {
      name: "Stoplight Prism",
      port: basePort + 1,
      start: (p) => spawnPeer("node_modules/.bin/prism", ["mock", "-h", "127.0.0.1", "-p", String(p), "-v", "fatal", `${PEERS}/onboardings.openapi.yaml`]),
    },
    {
      name: "json-server",
      port: basePort + 2,
      start: (p) => spawnPeer("node_modules/.bin/json-server", ["--host", "127.0.0.1", "--port", String(p), "--routes", `${dir}/routes.json`, "--quiet", `${dir}/db.json`]),
    },
    {
      name: FLOOR,
      port: basePort + 6,
      prepare: () => migrate({ url: `file:${dir}/floor.db`, log: () => {} }),
      start: (p) => spawnPeer(process.execPath, [`${PEERS}/sqlite-floor.mjs`, String(p), `${dir}/floor.db`, ONBOARDING.transactionId]),
    },
    {
      name: PG_FLOOR,
      port: basePort + 8,
      prepare: async () => {
        const database = await createPostgresDatabase(`floor_${basePort}`);
        pgFloor.url = database.url;
        pgFloor.drop = database.drop;
      },
      start: (p) => spawnPeer(process.execPath, [`${PEERS}/postgres-floor.mjs`, String(p), pgFloor.url, ONBOARDING.transactionId]),
      cleanUp: () => pgFloor.drop(),
    },
    {
      name: "WireMock",
      port: basePort + 3,
      skip: java.error ? "no Java on this machine" : !jar ? "no wiremock-standalone jar in node_modules/wiremock" : null,
      start: (p) => spawnPeer("java", ["-jar", jar, "--port", String(p), "--bind-address", "127.0.0.1", "--root-dir", `${dir}/wiremock`, "--disable-banner", "--no-request-journal"]),
    },
  ];
  const results = [];
  for (const peer of peers) {
    if (peer.skip) {
      log(`${peer.name}: skipped (${peer.skip})`);
      results.push({ name: peer.name, skipped: peer.skip });
      continue;
    }
    try {
      await peer.prepare?.();
    } catch (error) {
      log(`${peer.name}: skipped (${error.message.slice(0, 300)})`);
      results.push({ name: peer.name, skipped: error.message.slice(0, 120) });
      continue;
    }
    const running = peer.start(peer.port);
    const base = `http://127.0.0.1:${peer.port}/reuseid/id-onboardings`;
    try {
      const headers = { authorization: "Bearer bench" };
      await waitFor(`${base}/${ONBOARDING.transactionId}`, running, headers);
      results.push({ name: peer.name, ...(await measureBoth({ base, getId: ONBOARDING.transactionId, headers, seconds, pid: running.child.pid })) });
    } catch (error) {
      log(`${peer.name}: skipped (${error.message.slice(0, 300)})`);
      results.push({ name: peer.name, skipped: error.message.slice(0, 120) });
    } finally {
      await running.stop();
      await peer.cleanUp?.();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return results;
}

async function measureBoth({ base, getId, headers, seconds, pid }) {
  // Long enough for a JIT (and WireMock's JVM) to warm up before the figures count.
  const warmupSeconds = Math.max(1, Math.round(seconds / 3));
  const get = await load({ url: `${base}/${getId}`, headers, seconds, warmupSeconds, pid });
  const post = await load({ url: base, method: "POST", headers: { ...headers, "content-type": "application/json" }, body: POST_BODY, seconds, warmupSeconds, pid });
  return { get, post };
}

/** Measures both endpoints; with the database's URL, also counts the flows the POSTs left behind. */
async function measureEmulator(origin, seconds, databaseUrl, pid) {
  const token = await emulatorToken(origin);
  const headers = { authorization: `Bearer ${token}` };
  const base = `${origin}/emulator/reuseid/id-onboardings`;
  const started = await fetch(base, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: POST_BODY });
  if (!started.ok) throw new Error(`emulator POST: ${started.status} ${await started.text()}`);
  const before = databaseUrl ? await countRows(databaseUrl, "EmuReuseFlow") : null;
  const result = await measureBoth({ base, getId: (await started.json()).data.transactionId, headers, seconds, pid });
  if (databaseUrl) result.persisted = { answered: result.post.ok2xx, stored: (await countRows(databaseUrl, "EmuReuseFlow")) - before };
  return result;
}

export async function run({ quick = false, origin, log = console.log }) {
  const seconds = quick ? 2 : 10;
  const basePort = Number(new URL(origin).port) + 10;
  // Both ways a team runs it: inside the console (`npm start`, where Next's pages and their async
  // hooks share the process) and alone (`npm run emulator`, another team's CI). Each on a server
  // of its own: the runner's console still watches the flows earlier parts started.
  const emulators = [];
  for (const [name, script, database, port] of [
    ["emulator in the console (SQLite)", "scripts/start.mjs", "sqlite", basePort + 9],
    ["emulator alone, npm run emulator (SQLite)", "scripts/emulator.mjs", "sqlite", basePort + 7],
    ["emulator alone, npm run emulator (PostgreSQL)", "scripts/emulator.mjs", "postgresql", basePort + 4],
  ]) {
    const running = await startConsole({ port, database, script }).catch((error) => {
      log(`${name}: skipped (${error.message})`);
      return null;
    });
    if (!running) continue;
    try {
      emulators.push({ name, ...(await measureEmulator(running.origin, seconds, running.databaseUrl, running.pid)) });
    } finally {
      await running.stop();
    }
  }
  if (!quick) {
    // Before the lean layer: every /emulator request through `next start`'s router and route runtime.
    const next = await startConsole({ port: basePort + 5, script: "next" });
    try {
      emulators.push({ name: "emulator via Next's route (SQLite)", ...(await measureEmulator(next.origin, seconds, next.databaseUrl, next.pid)) });
    } finally {
      await next.stop();
    }
  }
  const peers = await measurePeers({ basePort, seconds, log });
  return rows(emulators, peers);
}

function rows(emulators, peers) {
  const peer = (name) => peers.find((p) => p.name === name && !p.skipped);
  const prism = peer("Stoplight Prism");
  const jsonServer = peer("json-server");
  const wiremock = peer("WireMock");
  const out = [];
  for (const [endpoint, key] of [
    ["GET one onboarding", "get"],
    ["POST onboardings", "post"],
  ]) {
    for (const e of emulators) {
      const floor = Math.max(prism ? 2 * prism[key].rps : 0, jsonServer ? jsonServer[key].rps + 1 : 0);
      const lean = !e.name.includes("Next");
      out.push({
        area: "emulator vs mocks",
        name: `${e.name}: ${endpoint}`,
        target: lean ? `≥ ${floor} (2× Prism, > json-server)${wiremock ? `; WireMock ${wiremock[key].rps}` : ""}` : "(before: for comparison)",
        measured: e[key].rps,
        unit: "req/s",
        ok: lean ? e[key].rps >= floor && e[key].non2xx === 0 : null,
      });
      const cpu = e[key].cpuMsPerRequest;
      if (cpu !== null) {
        // The same comparison in server CPU per request: what the req/s would be on idle cores.
        const cpuCeiling = Math.min(prism?.[key].cpuMsPerRequest != null ? prism[key].cpuMsPerRequest / 2 : Infinity, jsonServer?.[key].cpuMsPerRequest ?? Infinity);
        out.push({
          area: "emulator vs mocks",
          name: `${e.name}: ${endpoint} server CPU per request`,
          target: lean && Number.isFinite(cpuCeiling) ? `≤ ${cpuCeiling.toFixed(2)} ms (½ Prism's, < json-server's)` : "",
          measured: Number(cpu.toFixed(2)),
          unit: "ms",
          ok: lean && Number.isFinite(cpuCeiling) ? cpu <= cpuCeiling : null,
        });
      }
      out.push({
        area: "emulator vs mocks",
        name: `${e.name}: ${endpoint} p99 (p50 ${e[key].p50} ms)`,
        target: lean ? "≤ 20 ms" : "",
        measured: e[key].p99,
        unit: "ms",
        ok: lean ? e[key].p99 <= 20 : null,
      });
      if (key === "post" && e.persisted) {
        // Stored may exceed answered by the requests still in flight when autocannon stopped.
        out.push({
          area: "emulator vs mocks",
          name: `${e.name}: onboardings answered 2xx / flows stored`,
          target: "every answered one stored",
          measured: `${e.persisted.answered} / ${e.persisted.stored}`,
          unit: "",
          ok: e.persisted.stored >= e.persisted.answered,
        });
      }
      if (e[key].non2xx) out.push({ area: "emulator vs mocks", name: `${e.name}: ${endpoint} answers not 2xx`, target: "0", measured: e[key].non2xx, unit: "", ok: false });
    }
    for (const p of peers) {
      out.push(
        p.skipped
          ? { area: "emulator vs mocks", name: `${p.name}: ${endpoint}`, target: "peer", measured: `skipped: ${p.skipped}`, unit: "", ok: null }
          : {
              area: "emulator vs mocks",
              name: `${p.name}: ${endpoint} (p50 ${p[key].p50} ms, p99 ${p[key].p99} ms${p[key].cpuMsPerRequest != null ? `, CPU ${p[key].cpuMsPerRequest.toFixed(2)} ms/req` : ""})`,
              target: p.name === FLOOR || p.name === PG_FLOOR ? "floor" : "peer",
              measured: p[key].rps,
              unit: "req/s",
              ok: null,
            },
      );
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runStandalone } = await import("./lib/standalone.mjs");
  await runStandalone(run);
}
