// `npm run bench [-- --quick] [-- --only name,name]`: runs every part in scripts/bench/*.mjs
// against one production build started on a loopback port with a fresh SQLite database, and
// prints all their rows in one table: each target beside its measured figure. Asserts nothing
// (no test asserts a timing); a part that fails is reported as a row and the others still run.
// Needs `npm run build` first. A part exports `async function run({ quick, origin, log })`
// returning rows `{ area, name, target, measured, unit, ok }` (ok: true, false or null).
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { startConsole } from "./bench/lib/console-server.mjs";
import { printTable } from "./bench/lib/table.mjs";

if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const quick = process.argv.includes("--quick");
const onlyIndex = process.argv.indexOf("--only");
const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? (onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(",")) : null;
const dir = resolve("scripts/bench");
const parts = readdirSync(dir)
  .filter((f) => f.endsWith(".mjs"))
  .map((f) => f.slice(0, -4))
  .filter((name) => !only || only.has(name))
  .sort();

const started = performance.now();
const server = await startConsole({ port: Number(process.env.BENCH_PORT || 3250) });
const stop = () => server.stop();
process.on("SIGINT", () => stop().then(() => process.exit(130)));
const rows = [{ area: "server", name: `ready after start (${server.database})`, target: "", measured: Math.round(server.readyMs), unit: "ms", ok: null }];
try {
  for (const name of parts) {
    const partStarted = performance.now();
    console.log(`— ${name}${quick ? " (quick)" : ""}`);
    try {
      const { run } = await import(pathToFileURL(`${dir}/${name}.mjs`).href);
      rows.push(...(await run({ quick, origin: server.origin, server, log: (line) => console.log(`  ${line}`) })));
    } catch (error) {
      console.log(`  failed: ${error.stack ?? error}`);
      rows.push({ area: name, name: "part failed", target: "", measured: String(error.message ?? error).slice(0, 80), unit: "", ok: false });
    }
    console.log(`  (${((performance.now() - partStarted) / 1000).toFixed(0)} s)`);
  }
  rows.push({ area: "server", name: "RSS after the parts", target: "", measured: Math.round(server.rssMb()), unit: "MB", ok: null });
} finally {
  await stop();
}
console.log("");
printTable(rows);
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s${quick ? ", --quick" : ""})`);
