// The server's heap stays near its live set under a steady stream of objects that live a few
// scavenges and then die (what a console under load makes), where V8 on its own lets it grow.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// 40 MB stay live; 6 MB a round are made, kept for 8 rounds (so they are promoted), then dropped.
const WORKLOAD = `
  const limit = process.argv[1] === "limit";
  if (limit) (await import(${JSON.stringify(new URL("./heap-growth.mjs", import.meta.url).href)})).limitHeapGrowth();
  const live = Array.from({ length: 40 }, () => Array.from({ length: 12_500 }, (_, i) => ({ i, text: "live " + i })));
  const recent = [];
  let most = 0;
  for (let round = 0; round < 120; round++) {
    recent.push(Array.from({ length: 75_000 }, (_, i) => ({ i, text: "row " + i })));
    if (recent.length > 8) recent.shift();
    if (round % 4 === 0) await new Promise((r) => setImmediate(r));
    most = Math.max(most, process.memoryUsage().heapTotal);
  }
  console.log(JSON.stringify({ most: most / 1048576, live: live.length }));
`;

const peakHeapMb = (mode: string) => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", WORKLOAD, mode], { encoding: "utf8" })).most as number;

describe("the server's heap growth", () => {
  it("stays near the live set, well under what V8 allows on its own", () => {
    const limited = peakHeapMb("limit");
    const unlimited = peakHeapMb("none");
    console.log(`peak heap: ${limited.toFixed(0)} MB limited, ${unlimited.toFixed(0)} MB on V8's own`);
    expect(limited).toBeLessThan(unlimited * 0.75);
  }, 60_000);
});
