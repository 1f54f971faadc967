// `npm start`: serves the production build on PORT (default 3000) from one process and port:
// /emulator through the lean layer (scripts/server/emulator-layer.mjs), everything else through
// Next's own request handler (pages, the console API, proxy.ts and its CSP nonce).
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import next from "next";
import { announceWhereNext } from "./lib/where-next.mjs";
import { isEmulatorPath, loadCompiledRoute, nodeListener } from "./server/emulator-layer.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "production";
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.error("No production build found: run `npm run build` first (or `npm run console`, which does both).");
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const nextHandler = app.getRequestHandler();
const emulator = nodeListener(await loadCompiledRoute(distDir, "emulator/[...path]"));

const server = createServer((req, res) => (isEmulatorPath(req.url) ? emulator(req, res) : nextHandler(req, res)));
server.listen(port, hostname, () => {
  console.log(`ReuseID Console ready on http://${hostname ?? "localhost"}:${port} (emulator at /emulator)`);
  void announceWhereNext({ port: String(port), host: hostname });
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
