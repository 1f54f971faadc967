// Bench part (issue 13 item 5): what the console adds on top of the emulator. A console call
// through the Signicat client (start an onboarding, read a pending flow) against the same call
// made to the emulator directly, one at a time and interleaved so both meet the same noise;
// target: the console's median at most 1.2× the direct call's. Then the SQL statements each
// console request costs, counted from a second console started with LOG_SQL=1.
import { consoleSession, emulatorToken, startConsole } from "./lib/console-server.mjs";
import { pct } from "./lib/measure.mjs";

async function ok(response, what) {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

function clients(origin, token, session, environmentId) {
  const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const cookie = { cookie: session, "content-type": "application/json" };
  return {
    directStart: async () => (await (await ok(await fetch(`${origin}/emulator/reuseid/id-onboardings`, { method: "POST", headers: bearer, body: "{}" }), "direct start")).json()).data,
    directGet: async (id) => ok(await fetch(`${origin}/emulator/reuseid/id-onboardings/${id}`, { headers: bearer }), "direct get").then((r) => r.arrayBuffer()),
    consoleStart: async () => await ok(await fetch(`${origin}/api/flows/onboarding`, { method: "POST", headers: cookie, body: JSON.stringify({ environmentId }) }), "console start"),
    consoleGet: async (id) => ok(await fetch(`${origin}/api/flows/${id}`, { headers: cookie }), "console get"),
    // The floors under any console call: Next's route runtime alone, then with a signed-in session and one read.
    health: async () => ok(await fetch(`${origin}/api/health`), "health").then((r) => r.arrayBuffer()),
    environments: async () => ok(await fetch(`${origin}/api/environments`, { headers: cookie }), "environments").then((r) => r.arrayBuffer()),
  };
}

async function signedIn(origin) {
  const token = await emulatorToken(origin);
  const session = await consoleSession(origin);
  const environments = await (await ok(await fetch(`${origin}/api/environments`, { headers: { cookie: session } }), "environments")).json();
  return clients(origin, token, session, environments.data[0].id);
}

async function interleaved(n, a, b) {
  const times = { a: [], b: [] };
  for (let i = 0; i < n; i++) {
    for (const [key, fn] of i % 2
      ? [
          ["a", a],
          ["b", b],
        ]
      : [
          ["b", b],
          ["a", a],
        ]) {
      const t = performance.now();
      await fn(i);
      times[key].push(performance.now() - t);
    }
  }
  return { a: pct(times.a, 50), b: pct(times.b, 50) };
}

/** SQL lines the console's log shows for one request: its own (its request id) and the rest (its emulator call). */
async function statementsPerRequest(port, quick, log) {
  const server = await startConsole({ port, env: { LOG_SQL: "1", LOG_LEVEL: "debug" }, captureOutput: true });
  try {
    const c = await signedIn(server.origin);
    const counts = { start: [], get: [] };
    const split = { start: [], get: [] };
    const flowIds = [];
    for (let i = 0; i < (quick ? 5 : 15); i++) {
      for (const kind of ["start", "get"]) {
        await new Promise((r) => setTimeout(r, 50)); // let the previous request's log lines land
        const before = server.output().length;
        const response = kind === "start" ? await c.consoleStart() : await c.consoleGet(flowIds.at(-1));
        if (kind === "start") flowIds.push((await response.clone().json()).data.id);
        await new Promise((r) => setTimeout(r, 50));
        const requestId = response.headers.get("x-request-id");
        const lines = server
          .output()
          .slice(before)
          .split("\n")
          .filter((l) => l.includes('"message":"sql"'));
        const own = lines.filter((l) => l.includes(`"requestId":"${requestId}"`)).length;
        counts[kind].push(lines.length);
        split[kind].push(own);
      }
    }
    const row = (kind, label) => ({
      area: "proxy",
      name: `SQL statements per console ${label} (console's own ${pct(split[kind], 50)}, its emulator call ${pct(counts[kind], 50) - pct(split[kind], 50)})`,
      target: "",
      measured: pct(counts[kind], 50),
      unit: "statements",
      ok: null,
    });
    return [row("start", "start onboarding"), row("get", "read of a pending flow")];
  } catch (error) {
    log(`statement count failed: ${error.message}`);
    return [{ area: "proxy", name: "SQL statements per console request", target: "", measured: `failed: ${error.message.slice(0, 60)}`, unit: "", ok: false }];
  } finally {
    await server.stop();
  }
}

export async function run({ quick = false, origin, log = console.log }) {
  const c = await signedIn(origin);
  const n = quick ? 30 : 120;
  const ids = [];
  await interleaved(5, c.directStart, c.consoleStart); // warm-up
  const start = await interleaved(n, async () => ids.push((await c.directStart()).transactionId), c.consoleStart);
  const consoleFlows = [];
  for (let i = 0; i < 5; i++) consoleFlows.push((await (await c.consoleStart()).json()).data.id);
  const read = await interleaved(
    n,
    (i) => c.directGet(ids[i % ids.length]),
    (i) => c.consoleGet(consoleFlows[i % consoleFlows.length]).then((r) => r.arrayBuffer()),
  );
  const ratioRow = (label, m) => ({
    area: "proxy",
    name: `console ${label} through the client (p50 ${m.b.toFixed(1)} ms) / the emulator directly (p50 ${m.a.toFixed(1)} ms)`,
    target: "≤ 1.2×",
    measured: Number((m.b / m.a).toFixed(2)),
    unit: "×",
    ok: m.b / m.a <= 1.2,
  });
  // What the 1.2× target leaves room for: the same ratio for console routes that ask Signicat nothing.
  const floorRow = (label, m) => ({
    area: "proxy",
    name: `floor: ${label} (p50 ${m.b.toFixed(1)} ms) / the emulator read directly (p50 ${m.a.toFixed(1)} ms)`,
    target: "",
    measured: Number((m.b / m.a).toFixed(2)),
    unit: "×",
    ok: null,
  });
  const health = await interleaved(n, (i) => c.directGet(ids[i % ids.length]), c.health);
  const environments = await interleaved(n, (i) => c.directGet(ids[i % ids.length]), c.environments);
  return [
    ratioRow("start onboarding", start),
    ratioRow("read a pending flow", read),
    floorRow("GET /api/health, Next's route with no session and no read", health),
    floorRow("GET /api/environments, a signed-in session and one read", environments),
    ...(await statementsPerRequest(Number(new URL(origin).port) + 16, quick, log)),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runStandalone } = await import("./lib/standalone.mjs");
  await runStandalone(run);
}
