// `npm start`: serves the production build on PORT (default 3000) from one process and port:
// /emulator through the lean layer (scripts/server/emulator-layer.mjs), everything else through
// Next's own request handler (pages, the console API, proxy.ts and its CSP nonce).
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import next from "next";
import { lanHttpsOptions, lanRequested, serveLan } from "./lib/lan-https.mjs";
import { announceWhereNext } from "./lib/where-next.mjs";
import { isEmulatorPath, loadRouteListener } from "./server/emulator-layer.mjs";
import { limitHeapGrowth } from "./server/heap-growth.mjs";

limitHeapGrowth();
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "production";
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.error("No production build found: run `npm run build` first (or `npm run console`, which does both).");
  process.exit(1);
}
// With --lan the same server answers https on every interface, with a generated (or given)
// certificate, and pages opened at a loopback name move to the LAN address so their QR codes
// carry one a phone can open. The socket stays the caller's, so loopback-only rules still hold.
const lan = lanRequested() ? await lanHttpsOptions() : null;
const port = Number(process.env.PORT || 3000);
const hostname = lan ? "0.0.0.0" : process.env.HOST || undefined;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const nextHandler = app.getRequestHandler();
const emulator = await loadRouteListener(distDir, "emulator/[...path]");

const dispatch = (req, res) => (isEmulatorPath(req.url) ? emulator(req, res) : nextHandler(req, res));
let server;
if (lan) {
  server = await serveLan(lan, dispatch, { port });
  console.log(
    `Serving https on ${lan.origin} (${lan.generated ? "a new self-signed certificate, kept for the next starts" : "the certificate from before"}): open that address on this computer and on the phone.`,
  );
} else {
  server = createServer(dispatch);
  server.listen(port, hostname, () => {
    console.log(`ReuseID Console ready on http://${hostname ?? "localhost"}:${port} (emulator at /emulator)`);
    void announceWhereNext({ port: String(port), host: hostname });
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
