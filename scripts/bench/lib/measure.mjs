// Small measuring helpers shared by the bench parts.
import { readFileSync } from "node:fs";

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used so far, in ms; null where /proc is not there. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Runs fn n times one after another; the durations in ms. */
export async function timed(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times;
}

/** autocannon against one endpoint: req/s, p50 and p99 in ms, and how many answers were not 2xx. */
/**
 * `pid`: the server's process; its CPU time per answered request is measured too, a figure that
 * stays meaningful when other work shares the machine's cores (req/s then does not).
 */
export async function load({ url, method = "GET", headers = {}, body, connections = 20, seconds, warmupSeconds = 1, pid }) {
  const { default: autocannon } = await import("autocannon");
  const options = { url, method, headers, body, connections, pipelining: 1 };
  const warmup = warmupSeconds > 0 ? await autocannon({ ...options, duration: warmupSeconds }) : { "2xx": 0 };
  const cpuBefore = pid ? cpuMs(pid) : null;
  const result = await autocannon({ ...options, duration: seconds });
  const cpuAfter = pid ? cpuMs(pid) : null;
  return {
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null,
    /** 2xx answers over warm-up and run: for a POST, the records that must now be in the database. */
    ok2xx: warmup["2xx"] + result["2xx"],
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  };
}
