// Bench part: first-load JS of each page, gzip: every script a fresh browser loads for the
// page's HTML (the <script src> chunks of the production build, less the nomodule polyfills), each gzipped as a server
// would send it. Targets: /authenticator ≤ 120 kB (a phone on a mobile network), console
// pages ≤ 170 kB. Starts its own console on BENCH_BUNDLES_PORT (3253).
// `node scripts/bench/bundles.mjs` runs it alone.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { signedInConsole } from "./lib/signed-in-console.mjs";
import { printTable } from "./lib/table.mjs";

const PAGES = ["/authenticator", "/", "/onboarding", "/stepup", "/authenticate", "/flows", "/flows/:id", "/users", "/environments", "/emulator-admin", "/staff", "/audit"];

export async function firstLoadKb(server, path, { signedIn = true } = {}) {
  const response = await fetch(server.origin + path, { headers: signedIn ? { cookie: server.session } : {} });
  const html = await response.text();
  // Modern browsers skip the nomodule polyfills, so they are not counted.
  const tags = [...html.matchAll(/<script[^>]*src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, server.origin))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return { kb: total / 1024, scripts: srcs.length };
}

export async function run({ log }) {
  const server = await signedInConsole({ port: Number(process.env.BENCH_BUNDLES_PORT || 3253) });
  const rows = [];
  try {
    const envId = (await server.call("GET", "/api/environments")).data[0].id;
    const flowId = (await server.call("POST", "/api/flows/onboarding", { environmentId: envId })).data.id;
    for (const page of PAGES) {
      const path = page.replace(":id", flowId);
      const { kb, scripts } = await firstLoadKb(server, path, { signedIn: page !== "/authenticator" });
      const target = page === "/authenticator" ? 120 : 170;
      log(`bundles: ${page} ${kb.toFixed(1)} kB in ${scripts} scripts`);
      rows.push({ area: "bundles", name: `first-load JS gzip ${page}`, target: `≤ ${target} kB`, measured: kb, unit: "kB", ok: kb <= target });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printTable(await run({ log: (line) => console.log(`  ${line}`) }));
  process.exit(0);
}
