// `npm start`: serves the production build on PORT (default 3000). Exec'd as the
// process itself so stopping it stops the server.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { announceWhereNext } from "./lib/where-next.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.error("No production build found: run `npm run build` first (or `npm run console`, which does both).");
  process.exit(1);
}
const args = ["start", "-p", process.env.PORT || "3000"];
if (process.env.HOST) args.push("-H", process.env.HOST);
const child = spawn("node_modules/.bin/next", args, { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
void announceWhereNext({ port: process.env.PORT || "3000", host: process.env.HOST });
