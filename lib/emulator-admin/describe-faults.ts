/** Fault settings in words, so a tester reads what the next call will do. */
export type FaultSettingsView = { latencyMs: number; errorRate: number; paths: string[] };

export const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

export const hasFaults = (s: FaultSettingsView) => s.latencyMs > 0 || s.errorRate > 0;

export function describeFaults(s: FaultSettingsView): string[] {
  if (!hasFaults(s)) return ["No faults: every call is answered normally."];
  const scope = s.paths.length ? `Every call to ${list(s.paths)}` : "Every API call (not the token endpoint)";
  const sentences: string[] = [];
  if (s.latencyMs > 0) sentences.push(`${scope} waits ${s.latencyMs} ms before it is answered.`);
  if (s.errorRate >= 1) sentences.push(`${scope} fails 100% of the time with HTTP 500.`);
  else if (s.errorRate > 0) sentences.push(`${scope} fails ${percent(s.errorRate)} of the time with HTTP 500, at random.`);
  if (s.paths.some((p) => p.startsWith("/auth"))) {
    sentences.push(
      "Token requests are affected: a client that needs a new token gets the fault. The console reuses a cached token until it expires; Test connection on Environments always asks for a fresh one.",
    );
  }
  return sentences;
}
