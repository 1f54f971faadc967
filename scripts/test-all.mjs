// `npm test`: every test the project has, in order — typecheck, lint, formatting, unit and integration
// (vitest, on real SQLite and real HTTP, then the same suite on PostgreSQL when
// TEST_POSTGRES_URL names a server), then the browser tests (Playwright on a fresh production
// build) — and one closing line "N passed, N failed". Exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const results = [];
mkdirSync("test-results", { recursive: true });

function run(label, command, args, extraEnv = {}) {
  console.log(`\n── ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`── ${label}: ${status === 0 ? "ok" : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

// 1. Types
const typesOk = run("typecheck", "npx", ["tsc", "--noEmit"]);
results.push({ label: "typecheck", passed: typesOk ? 1 : 0, failed: typesOk ? 0 : 1 });

// 1b. Lint (no warning allowed) and formatting, each one check like the typecheck
const lintOk = run("lint", "npm", ["run", "--silent", "lint"]);
results.push({ label: "lint", passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1 });
const formatOk = run("format", "npm", ["run", "--silent", "format:check"]);
results.push({ label: "format", passed: formatOk ? 1 : 0, failed: formatOk ? 0 : 1 });

// 2. Unit and integration tests, on each database
function vitestOn(database) {
  const report = `test-results/vitest-${database}.json`;
  rmSync(report, { force: true });
  const ok = run(`unit + integration on ${database}`, "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { TEST_DATABASE: database });
  const vitest = readJson(report);
  results.push({
    label: `vitest (${database})`,
    passed: vitest?.numPassedTests ?? 0,
    failed: vitest ? vitest.numFailedTests + (ok ? 0 : vitest.numFailedTests === 0 ? 1 : 0) : 1,
  });
}
vitestOn("sqlite");
if (env.TEST_POSTGRES_URL) {
  vitestOn("postgresql");
} else if (env.CI) {
  console.log("\n── unit + integration on postgresql: TEST_POSTGRES_URL is not set, and CI must test PostgreSQL");
  results.push({ label: "vitest (postgresql)", passed: 0, failed: 1 });
} else {
  console.log("\n── unit + integration on postgresql: skipped, TEST_POSTGRES_URL is not set (a PostgreSQL server where test databases may be created; see docs/deployment.md)");
}

// 3. Browser tests on a production build
const buildOk = run("build", "npx", ["next", "build"]);
if (!buildOk) {
  results.push({ label: "build", passed: 0, failed: 1 });
} else {
  rmSync("test-results/playwright.json", { force: true });
  const e2eOk = run("browser", "npx", ["playwright", "test"]);
  const report = readJson("test-results/playwright.json");
  const stats = report?.stats;
  results.push({
    label: "playwright",
    passed: stats?.expected ?? 0,
    failed: stats ? stats.unexpected + (stats.flaky ?? 0) + (e2eOk ? 0 : stats.unexpected === 0 ? 1 : 0) : 1,
  });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("\n" + results.map((r) => `${r.label}: ${r.passed} passed, ${r.failed} failed`).join("\n"));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
