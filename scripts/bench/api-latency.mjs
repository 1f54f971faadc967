// Bench part: one request at a time (no concurrency), the latency of the emulator's and the
// console's main calls as a developer feels them: what `npm run bench` printed before it became
// a runner of parts. Figures only, no targets.
import { consoleSession, emulatorToken } from "./lib/console-server.mjs";
import { pct, timed } from "./lib/measure.mjs";

export async function run({ quick = false, origin }) {
  const n = quick ? 20 : 100;
  const rows = [];
  const report = (area, name, times) =>
    rows.push({ area, name: `${name} (n=${times.length}, p95 ${pct(times, 95).toFixed(1)} ms)`, target: "", measured: Number(pct(times, 50).toFixed(1)), unit: "ms p50", ok: null });
  const emulator = async (method, path, token, body) => {
    const r = await fetch(`${origin}/emulator${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body && JSON.stringify(body) });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  let token = "";
  report("emulator", "token (client credentials)", await timed(n, async () => (token = await emulatorToken(origin))));
  report("emulator", "start onboarding", await timed(n, () => emulator("POST", "/reuseid/id-onboardings", token, { input: {} })));
  const flows = [];
  report(
    "emulator",
    "whole onboarding (start, activate, prove, get)",
    await timed(Math.ceil(n / 2), async () => {
      const { data } = await emulator("POST", "/reuseid/id-onboardings", token, { input: {} });
      await emulator("POST", "/simulator/activations", token, { activationCode: data.activationCode });
      await emulator("POST", `/simulator/proofings/${data.processId}`, token, { outcome: "accepted" });
      const done = await emulator("GET", `/reuseid/id-onboardings/${data.transactionId}`, token);
      if (done.data.status !== "Completed") throw new Error("not completed");
      flows.push(done.data);
    }),
  );
  report("emulator", "get Assure process", await timed(n, (i) => emulator("GET", `/assure/dossiers/${flows[i % flows.length].dossierId}/processes/${flows[i % flows.length].processId}`, token)));

  const session = await consoleSession(origin);
  const consoleCall = (method, path, body) =>
    fetch(`${origin}${path}`, { method, headers: { cookie: session, "content-type": "application/json" }, body: body && JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.json();
    });
  const environmentId = (await consoleCall("GET", "/api/environments")).data[0].id;
  const ids = [];
  report("console", "start onboarding (through the client)", await timed(Math.ceil(n / 2), async () => ids.push((await consoleCall("POST", "/api/flows/onboarding", { environmentId })).data.id)));
  report("console", "poll a pending flow (API asked)", await timed(Math.min(30, ids.length), (i) => consoleCall("GET", `/api/flows/${ids[i]}`)));
  report("console", "history page of 25", await timed(Math.ceil(n / 2), () => consoleCall("GET", "/api/flows")));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runStandalone } = await import("./lib/standalone.mjs");
  await runStandalone(run);
}
