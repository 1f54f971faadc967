/**
 * Tells this process's live streams when a watched flow changed, whichever process changed it.
 * One timer per process reads the updatedAt of every flow someone watches here in one query,
 * so the cost is one small indexed read per tick, not one per browser; the outcome a watcher
 * check writes (watcher.ts) bumps updatedAt, and so does anything else that changes a flow.
 */
import { readFlowVersions } from "@/lib/data/queries/flows";
import { log } from "@/lib/log";

const TICK_MS = 300;

type Listener = () => void;
type LiveState = { listeners: Map<string, Set<Listener>>; seen: Map<string, number>; timer: NodeJS.Timeout | null; reading: boolean; closers: Set<() => void>; hooked: boolean };
const state: LiveState = ((globalThis as typeof globalThis & { __flowLive?: LiveState }).__flowLive ??= {
  listeners: new Map(),
  seen: new Map(),
  timer: null,
  reading: false,
  closers: new Set(),
  hooked: false,
});

/**
 * Ends a live stream when the server is asked to stop: a stream never ends by itself, and the
 * server's graceful shutdown would otherwise wait for every open page. Browsers reconnect.
 */
export function closeOnShutdown(close: () => void): () => void {
  if (!state.hooked) {
    state.hooked = true;
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => [...state.closers].forEach((c) => c()));
  }
  state.closers.add(close);
  return () => state.closers.delete(close);
}

async function tick(): Promise<void> {
  if (state.reading) return;
  const ids = [...state.listeners.keys()];
  if (!ids.length) return;
  state.reading = true;
  try {
    const rows = await readFlowVersions(ids);
    for (const row of rows) {
      const at = row.updatedAt.getTime();
      if (state.seen.get(row.id) === at) continue;
      state.seen.set(row.id, at);
      for (const listener of state.listeners.get(row.id) ?? []) listener();
    }
  } catch (error) {
    log.error("live flow read failed", { error: error instanceof Error ? error.message : String(error) });
  } finally {
    state.reading = false;
  }
}

/** Calls `listener` after each change of the flow; returns the unsubscribe. */
export function subscribeFlow(flowId: string, listener: Listener): () => void {
  let set = state.listeners.get(flowId);
  if (!set) state.listeners.set(flowId, (set = new Set<Listener>()));
  set.add(listener);
  if (!state.timer) {
    state.timer = setInterval(() => void tick(), TICK_MS);
    state.timer.unref();
  }
  return () => {
    set.delete(listener);
    if (!set.size) {
      state.listeners.delete(flowId);
      state.seen.delete(flowId);
    }
    if (!state.listeners.size && state.timer) {
      clearInterval(state.timer);
      state.timer = null;
    }
  };
}

/** How many browsers this process streams to, per flow: for the benchmark and tests. */
export function liveListenerCount(): number {
  let n = 0;
  for (const set of state.listeners.values()) n += set.size;
  return n;
}
