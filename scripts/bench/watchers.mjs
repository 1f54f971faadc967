// Bench part: 50 testers each watching a pending onboarding over the live stream for 60 s
// (9 s with --quick), and 5 browsers on one of them. Reports what each browser receives
// (largest update), how fast a step reaches the page (device activated → pushed), how many
// exchange rows the watched flow recorded, how often Signicat (here the emulator) was asked,
// and the server's RSS: idle, under this load, and after it settles (item 7's target).
// Starts its own console on BENCH_WATCHERS_PORT (3254; 3255 on PostgreSQL). BENCH_WATCHERS sets
// how many testers watch (50).
// `node scripts/bench/watchers.mjs [--quick]` runs it alone.
import { fileURLToPath } from "node:url";
import { pct } from "./lib/measure.mjs";
import { benchPostgres, signedInConsole } from "./lib/signed-in-console.mjs";
import { printTable } from "./lib/table.mjs";

const WATCHERS = Number(process.env.BENCH_WATCHERS || 50);
const SAME_FLOW = 5;

export async function run({ quick, log }) {
  const rows = [];
  const basePort = Number(process.env.BENCH_WATCHERS_PORT || 3254);
  for (const [k, provider] of ["sqlite", "postgresql"].entries()) {
    if (provider === "postgresql" && !benchPostgres()) continue;
    if (provider === "postgresql") process.env.BENCH_POSTGRES_URL ??= benchPostgres();
    const server = await signedInConsole({ port: basePort + k, database: provider });
    try {
      rows.push(...(await watch(server, provider, quick ? 9_000 : 60_000, quick ? 4_000 : 10_000, log)));
    } finally {
      await server.stop();
    }
  }
  return rows;
}

async function watch(server, provider, durationMs, settleMs, log) {
  const area = `watchers ${provider}`;
  const envId = (await server.call("GET", "/api/environments")).data[0].id;
  for (let i = 0; i < 20; i++) await server.get("/api/flows"); // warm
  await new Promise((r) => setTimeout(r, 2_000));
  const idle = server.rssMb();

  const flows = [];
  for (let i = 0; i < WATCHERS; i++) flows.push((await server.call("POST", "/api/flows/onboarding", { environmentId: envId })).data);
  const token = await emulatorToken(server.origin);
  log(`${area}: ${flows.length} onboardings started`);

  const streams = flows.map((f, i) => openStream(server, f.id, i === 0 ? SAME_FLOW : 1));
  let peak = server.rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 250);

  // A third of the way in, ten people activate their device; time until their page shows it.
  await new Promise((r) => setTimeout(r, durationMs / 3));
  log(`${area}: streams open, activating ten devices`);
  const latencies = [];
  for (const [i, flow] of flows.slice(1, 11).entries()) {
    const detail = (await server.call("GET", `/api/flows/${flow.id}`)).data;
    const t = performance.now();
    const seen = streams[i + 1].waitFor("device_activated");
    await fetch(`${server.origin}/emulator/simulator/activations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ activationCode: detail.activationCode }),
    });
    latencies.push((await seen) ? performance.now() - t : Infinity);
  }
  await new Promise((r) => setTimeout(r, (durationMs * 2) / 3));
  clearInterval(sampler);
  for (const s of streams) s.close();

  const watched = (await server.call("GET", `/api/flows/${flows[0].id}`)).data;
  const calls = watched.exchanges.reduce((n, x) => n + x.count, 0);
  const largest = Math.max(...streams.flatMap((s) => s.sizes));
  const updates = streams.reduce((n, s) => n + s.sizes.length, 0);
  log(`${area}: ${updates} updates pushed; flow 0: ${watched.exchanges.length} rows for ${calls} calls`);
  await new Promise((r) => setTimeout(r, settleMs));
  if (global.gc) global.gc();
  const settled = server.rssMb();
  const minutes = durationMs / 60_000;
  return [
    {
      area,
      name: `exchange rows of a flow watched by ${SAME_FLOW} browsers for ${durationMs / 1000} s (2 min target)`,
      target: "≤ 20",
      measured: watched.exchanges.length,
      unit: "rows",
      ok: watched.exchanges.length <= 20,
    },
    { area, name: `Signicat calls for that flow per minute (all browsers together)`, target: "—", measured: calls / minutes, unit: "/min", ok: null },
    { area, name: `largest update pushed to a browser (${updates} updates)`, target: "< 5 kB", measured: largest / 1024, unit: "kB", ok: largest < 5 * 1024 },
    { area, name: `device activated → shown on the page, p95 of 10 (while ${WATCHERS} watch)`, target: "—", measured: pct(latencies, 95), unit: "ms", ok: null },
    { area: `memory ${provider}`, name: "RSS idle", target: "—", measured: idle, unit: "MB", ok: null },
    { area: `memory ${provider}`, name: `RSS peak with ${WATCHERS + SAME_FLOW - 1} live streams`, target: "—", measured: peak, unit: "MB", ok: null },
    { area: `memory ${provider}`, name: `RSS ${settleMs / 1000} s after the load`, target: `≤ idle + 100 (${(idle + 100).toFixed(0)})`, measured: settled, unit: "MB", ok: settled <= idle + 100 },
  ];
}

async function emulatorToken(origin) {
  const body = new URLSearchParams({ grant_type: "client_credentials", scope: "signicat-api", client_id: "emulator-client", client_secret: "emulator-secret" });
  return (await (await fetch(`${origin}/emulator/auth/open/connect/token`, { method: "POST", body })).json()).access_token;
}

/** `browsers` live streams of one flow, read as EventSource would; records each update's size. */
function openStream(server, flowId, browsers) {
  const sizes = [];
  const waiting = [];
  let seenText = "";
  const controllers = [];
  for (let b = 0; b < browsers; b++) {
    const controller = new AbortController();
    controllers.push(controller);
    void (async () => {
      try {
        const response = await fetch(`${server.origin}/api/flows/${flowId}/stream`, { headers: { cookie: server.session, accept: "text/event-stream" }, signal: controller.signal });
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        let first = true;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.startsWith("event: update")) continue;
            // The first update of a fresh page (no cursor) is the whole flow; the page gets that from its HTML.
            if (!first && b === 0) sizes.push(block.length);
            first = false;
            if (b === 0) {
              seenText += block;
              for (const w of waiting.filter((w) => seenText.includes(w.needle))) w.resolve();
            }
          }
        }
      } catch {}
    })();
  }
  return {
    sizes,
    // Gives up after 15 s: a step that never arrives is reported, not waited for.
    waitFor: (needle) =>
      new Promise((resolve) => {
        if (seenText.includes(needle)) return resolve(true);
        waiting.push({ needle, resolve: () => resolve(true) });
        setTimeout(() => resolve(false), 15_000);
      }),
    close: () => controllers.forEach((c) => c.abort()),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printTable(await run({ quick: process.argv.includes("--quick"), log: (line) => console.log(`  ${line}`) }));
  process.exit(0);
}
