// `npm start`: serves the production build on PORT (default 3000). Exec'd as the
// process itself so stopping it stops the server.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { lanHttpsOptions, lanRequested, serveHttpsInFrontOf } from "./lib/lan-https.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.error("No production build found: run `npm run build` first (or `npm run console`, which does both).");
  process.exit(1);
}
// With --lan the console answers https on the LAN address at PORT, in front of `next start` on loopback.
const lan = lanRequested() ? await lanHttpsOptions() : null;
const port = Number(process.env.PORT || 3000);
const args = ["start", "-p", String(lan ? port + 1 : port)];
if (lan) args.push("-H", "127.0.0.1");
else if (process.env.HOST) args.push("-H", process.env.HOST);
const child = spawn("node_modules/.bin/next", args, { stdio: "inherit", env: lan ? { ...process.env, TRUST_PROXY: process.env.TRUST_PROXY || "1" } : process.env });
if (lan) {
  await serveHttpsInFrontOf(lan, { port, targetPort: port + 1 });
  console.log(`Serving https on ${lan.origin} (${lan.generated ? "a new self-signed certificate, kept for the next starts" : "the certificate from before"}): open that address on this computer and on the phone.`);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
