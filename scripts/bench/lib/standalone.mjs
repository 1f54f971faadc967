// Runs one bench part on its own (`node scripts/bench/<part>.mjs [--quick]`): starts the console as
// the runner does, prints the part's rows, stops the console.
import { printTable } from "./table.mjs";
import { startConsole } from "./console-server.mjs";

export async function runStandalone(run) {
  const quick = process.argv.includes("--quick");
  const server = await startConsole({ port: Number(process.env.BENCH_PORT || 3250) });
  try {
    printTable(await run({ quick, origin: server.origin, server, log: (line) => console.log(`  ${line}`) }));
  } finally {
    await server.stop();
  }
}
