// Bench part: the History at 1k, 10k and 100k flows (10 exchanges each) on SQLite and, when
// BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a server, on PostgreSQL: every History view,
// filter and text search, the overview, and a CSV export of everything with the server's RSS
// growth while it streams. Each database gets its own console on BENCH_HISTORY_PORT (3650, 3651).
// `node scripts/bench/history.mjs [--quick]` runs it alone; --quick measures 10k only.
import { fileURLToPath } from "node:url";
import { pct, timed } from "./lib/measure.mjs";
import { benchPostgres, signedInConsole } from "./lib/signed-in-console.mjs";
import { printTable } from "./lib/table.mjs";
import { seedHistory } from "./lib/seed-history.mjs";

const TARGET_MS = 50;

export async function run({ quick, log }) {
  const sizes = (process.env.BENCH_HISTORY_SIZES || (quick ? "10000" : "1000,10000,100000")).split(",").map(Number);
  const basePort = Number(process.env.BENCH_HISTORY_PORT || 3651);
  const rows = [];
  for (const [k, provider] of ["sqlite", "postgresql"].entries()) {
    if (provider === "postgresql" && !benchPostgres()) {
      rows.push({ area: "history", name: `${provider}: no server (set BENCH_POSTGRES_URL)`, target: "—", measured: "skipped", unit: "", ok: null });
      continue;
    }
    if (provider === "postgresql") process.env.BENCH_POSTGRES_URL ??= benchPostgres();
    const server = await signedInConsole({ port: basePort + k, database: provider });
    const database = { url: server.databaseUrl };
    try {
      const envId = (await server.call("GET", "/api/environments")).data[0].id;
      let seeded = 0;
      for (const size of sizes) {
        const t = performance.now();
        await seedHistory(database.url, { from: seeded, to: size });
        seeded = size;
        log(`history ${provider}: seeded ${size} flows / ${size * 10} exchanges in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        const sample = (await server.call("GET", `/api/flows?status=Completed`)).data.items[0];
        const id = `bench-${String(Math.floor(size / 2) + 1).padStart(7, "0")}`;
        const views = {
          "overview page /": "/",
          "History page /flows": "/flows",
          "list API": "/api/flows",
          "page 40": "/api/flows?page=40",
          "filter type": "/api/flows?type=stepup",
          "filter status": "/api/flows?status=Failed",
          "filter environment": `/api/flows?environment=${envId}`,
          "filter started by": "/api/flows?by=bench-staff-2",
          "filter dates (a month)": `/api/flows?from=${day(-60)}&to=${day(-30)}`,
          "filter type+status+by": "/api/flows?type=onboarding&status=Completed&by=bench-staff-1",
          "search id (exact)": `/api/flows?q=${id}`,
          "search externalRef (prefix)": `/api/flows?q=cust-${Math.floor(size / 3)}`,
          "search transactionId (prefix)": `/api/flows?q=${sample.transactionId.slice(0, 8)}`,
          "search, no match": "/api/flows?q=nobody-has-this",
        };
        for (const [name, path] of Object.entries(views)) {
          for (let i = 0; i < 3; i++) await server.get(path); // warm: compiled route, prepared plans
          const p95 = pct(await timed(quick ? 10 : 30, () => server.get(path)), 95);
          rows.push({ area: `history ${provider}`, name: `${name} @${size / 1000}k`, target: `≤ ${TARGET_MS} ms p95`, measured: p95, unit: "ms", ok: p95 <= TARGET_MS });
        }
        rows.push(...(await exportRows(server, provider, size)));
      }
      // The floor under the two page rows: a signed-in page that reads no flow at all (Next's render, the layout's session and environments).
      for (let i = 0; i < 3; i++) await server.get("/account/password");
      const floor = pct(await timed(quick ? 10 : 30, () => server.get("/account/password")), 95);
      rows.push({ area: `history ${provider}`, name: "floor: a console page that reads no flow (/account/password)", target: "", measured: floor, unit: "ms", ok: null });
    } finally {
      await server.stop();
    }
  }
  return rows;
}

const day = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The whole history as CSV, read as fast as it comes; RSS sampled while it streams. */
async function exportRows(server, provider, size) {
  const before = server.rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 20);
  const t = performance.now();
  const response = await fetch(`${server.origin}/api/flows/export?format=csv`, { headers: { cookie: server.session } });
  const reader = response.body.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const b of value) if (b === 10) lines++;
  }
  const ms = performance.now() - t;
  clearInterval(sampler);
  const growth = peak - before;
  const complete = lines - 1 === size;
  return [
    {
      area: `history ${provider}`,
      name: `CSV export of ${size / 1000}k flows (${(bytes / 1e6).toFixed(1)} MB${complete ? "" : `, ${lines - 1} rows!`})`,
      target: "≤ 3000 ms",
      measured: ms,
      unit: "ms",
      ok: complete && ms <= 3000,
    },
    { area: `history ${provider}`, name: `RSS growth during that export`, target: "≤ 50 MB", measured: growth, unit: "MB", ok: growth <= 50 },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printTable(await run({ quick: process.argv.includes("--quick"), log: (line) => console.log(`  ${line}`) }));
  process.exit(0);
}
