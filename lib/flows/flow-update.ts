// What the flow page receives while it watches a flow: the whole flow once, then only what
// changed since the cursor it holds. Rows it already has come back as small patches (a run of
// identical exchanges only grows its count), so an update stays small however old the flow is.
// Pure, shared by the server (building updates) and the browser (merging them).
import type { FlowDetail } from "@/lib/data/queries/flows";

export type Exchange = FlowDetail["exchanges"][number];
export type FlowEventRow = FlowDetail["events"][number];
/** An exchange the browser already has: only what a repeated call changes. */
export type ExchangePatch = Pick<Exchange, "id" | "count" | "lastAt" | "durationMs" | "traceId">;

/** activationCodeHidden: the flow has a code this viewer may not see (lib/flows/redaction.ts). */
export type LiveFlow = FlowDetail & { cursor: string; activationCodeHidden?: boolean };

export type FlowUpdate = Omit<FlowDetail, "events" | "exchanges"> & {
  activationCodeHidden?: boolean;
  /** The cursor this update was built from; the next one starts here. */
  since: string;
  cursor: string;
  events: FlowEventRow[];
  exchanges: (Exchange | ExchangePatch)[];
};

/** How far back an update looks before its cursor: a row written just before a read but committed after it is not lost. */
export const CURSOR_OVERLAP_MS = 1_000;

const isWhole = (x: Exchange | ExchangePatch): x is Exchange => "method" in x;

/** The cursor after these rows: the latest time any of them (or the flow) changed. */
export function cursorOf(flow: { updatedAt: string }, events: { at: string }[], exchanges: { lastAt: string }[]): string {
  let max = flow.updatedAt;
  for (const e of events) if (e.at > max) max = e.at;
  for (const x of exchanges) if (x.lastAt > max) max = x.lastAt;
  return max;
}

/** The flow the browser holds, brought up to date with an update; rows are matched by id. */
export function mergeFlowUpdate(current: LiveFlow, update: FlowUpdate): LiveFlow {
  const { events, exchanges, since: _since, ...header } = update;
  const eventIds = new Set(current.events.map((e) => e.id));
  const mergedEvents = [...current.events, ...events.filter((e) => !eventIds.has(e.id))].sort((a, b) => a.at.localeCompare(b.at));
  const byId = new Map(current.exchanges.map((x) => [x.id, x]));
  for (const x of exchanges) {
    const known = byId.get(x.id);
    if (isWhole(x)) byId.set(x.id, x);
    else if (known) byId.set(x.id, { ...known, ...x });
  }
  const mergedExchanges = [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const cursor = update.cursor > current.cursor ? update.cursor : current.cursor;
  return { ...current, ...header, events: mergedEvents, exchanges: mergedExchanges, cursor };
}
