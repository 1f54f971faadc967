// `npm run emulator`: the Signicat API emulator alone (no console pages, API or sign-in), for
// another team's CI: /emulator and /api/health on PORT (default 3000), after the migrations.
// It runs the same start-up as the console (default account and client from
// EMULATOR_CLIENT_ID / EMULATOR_CLIENT_SECRET) and needs the same production build.
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { migrate } from "./migrate.mjs";
import { isEmulatorPath, loadRouteListener } from "./server/emulator-layer.mjs";
import { limitHeapGrowth } from "./server/heap-growth.mjs";

limitHeapGrowth();
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "production";
process.env.NEXT_RUNTIME ??= "nodejs";
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;

await migrate({ log: () => {} });
// The console's start-up (instrumentation.ts): config check, encryption key, emulator defaults.
await createRequire(import.meta.url)(resolve(distDir, "server/instrumentation.js")).register();
const emulator = await loadRouteListener(distDir, "emulator/[...path]");
const health = await loadRouteListener(distDir, "api/health");
const notFound = (req, res) =>
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ status: 404, title: "Not Found", detail: "This process serves only /emulator and /api/health." }));

const server = createServer((req, res) => (isEmulatorPath(req.url) ? emulator(req, res) : req.url === "/api/health" ? health(req, res) : notFound(req, res)));
server.listen(port, hostname, () => console.log(`Signicat emulator ready on http://${hostname ?? "localhost"}:${port}/emulator`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
