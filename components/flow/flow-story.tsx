"use client";

import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/lib/ui/date-time";
import { CopyButton } from "@/components/copy-button";
import { curlFor, relativePath } from "@/lib/flows/curl";
import type { FlowDetail } from "@/lib/data/queries/flows";
import { STEP_LABELS, type FlowStep } from "@/lib/flows/steps";

type Exchange = FlowDetail["exchanges"][number];
type Item = { at: string; kind: "exchange"; exchange: Exchange; repeats: Exchange[] } | { at: string; kind: "event"; event: FlowDetail["events"][number] };

/**
 * Following a flow asks the same questions again and again. Between two events, identical
 * calls (method, path, status) are shown once, with how often and until when they were made.
 */
function collapsePolling(items: Item[]): Item[] {
  const out: Item[] = [];
  let seen = new Map<string, Item & { kind: "exchange" }>();
  for (const item of items) {
    if (item.kind === "event") {
      seen = new Map();
      out.push(item);
      continue;
    }
    const key = `${item.exchange.method} ${relativePath(item.exchange.url)} ${item.exchange.status}`;
    const first = seen.get(key);
    if (first && item.exchange.method === "GET") first.repeats.push(item.exchange);
    else {
      seen.set(key, item);
      out.push(item);
    }
  }
  return out;
}

/** A stored row already stands for `count` identical calls (lib/flows/exchanges.ts). */
const timesAsked = (item: { exchange: Exchange; repeats: Exchange[] }) => item.repeats.reduce((n, x) => n + x.count, item.exchange.count);

const statusTone = (s: number | null) => (s === null || s >= 500 ? "text-rose-700" : s >= 400 ? "text-amber-700" : "text-emerald-700");

/** Long lines wrap (a token, base64 or JWT, breaks anywhere); a tall body scrolls inside its row. */
const BODY_CLASS = "max-h-64 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-white p-2 text-xs ring-1 ring-slate-200";

/** A JSON body indented so it reads; anything else as recorded. */
function readableBody(body: string | null): string {
  if (!body) return "(none)";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * The whole flow as one story, in order: each API exchange (bodies on demand, copy as
 * curl), each status change and each step of the device, with times.
 */
export function FlowStory({ flow }: { flow: FlowDetail }) {
  const items = collapsePolling(
    [
      ...flow.exchanges.map((exchange): Item => ({ at: exchange.createdAt, kind: "exchange", exchange, repeats: [] })),
      ...flow.events.map((event): Item => ({ at: event.at, kind: "event", event })),
    ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === "exchange" ? -1 : 1)),
  );

  if (!items.length) return <p className="text-sm text-slate-500">Nothing has happened yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Timeline">
      {items.map((item) =>
        item.kind === "event" ? (
          <li key={`e-${item.event.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 bg-slate-50/60 px-3 py-2 text-xs">
            <DateTime value={item.at} style="time" className="w-20 shrink-0 text-slate-600" />
            <span
              className={`rounded px-1.5 py-0.5 font-semibold ${item.event.kind === "status" ? "bg-indigo-100 text-indigo-800" : item.event.kind === "event" ? "bg-amber-100 text-amber-800" : "bg-emerald-100 text-emerald-800"}`}
            >
              {item.event.kind === "status" ? "status" : item.event.kind === "event" ? "event" : "step"}
            </span>
            <span className="min-w-0 font-medium break-all text-slate-800">{item.event.kind === "step" ? (STEP_LABELS[item.event.name as FlowStep] ?? item.event.name) : item.event.name}</span>
            {item.event.detail ? (
              <span data-pii="" className="min-w-0 max-w-full truncate text-slate-500">
                {item.event.detail}
              </span>
            ) : null}
          </li>
        ) : (
          <li key={`x-${item.exchange.id}`}>
            <details className="group">
              <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-xs hover:bg-slate-50">
                <DateTime value={item.at} style="time" className="w-20 shrink-0 text-slate-600" />
                <span className="w-12 font-mono font-semibold text-slate-700">{item.exchange.method}</span>
                <span data-pii="" className="min-w-0 flex-1 basis-48 truncate font-mono text-slate-800">
                  {relativePath(item.exchange.url)}
                </span>
                <span className={`w-10 font-mono font-semibold ${statusTone(item.exchange.status)}`}>{item.exchange.status ?? "—"}</span>
                {timesAsked(item) > 1 ? (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600" title={`asked again until ${formatDateTime((item.repeats.at(-1) ?? item.exchange).lastAt, "time")}`}>
                    ×{timesAsked(item)}
                  </span>
                ) : null}
                <span className="w-16 text-right text-slate-500">{item.exchange.durationMs} ms</span>
                <span className="hidden w-44 truncate font-mono text-slate-500 md:inline" title={item.exchange.traceId ?? ""}>
                  {item.exchange.traceId ?? ""}
                </span>
              </summary>
              <div className="space-y-3 bg-slate-50 px-3 py-3">
                <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <span data-pii="" className="break-all font-mono">
                    {item.exchange.url}
                  </span>
                  <CopyButton value={curlFor(item.exchange)} label="Copy as curl" />
                  {item.exchange.traceId ? <CopyButton value={item.exchange.traceId} label="Copy trace id" /> : null}
                </div>
                {item.exchange.error ? <p className="text-xs text-rose-700">{item.exchange.error}</p> : null}
                {/* min-w-0: a grid column otherwise grows to the longest line and the card cuts it off. */}
                <div className="grid gap-3 md:grid-cols-2">
                  <div className="min-w-0">
                    <p className="mb-1 text-xs font-semibold text-slate-500">Request body</p>
                    <pre data-pii="" data-testid="request-body" className={BODY_CLASS}>
                      {readableBody(item.exchange.requestBody)}
                    </pre>
                  </div>
                  <div className="min-w-0">
                    <p className="mb-1 text-xs font-semibold text-slate-500">Response body</p>
                    <pre data-pii="" data-testid="response-body" className={BODY_CLASS}>
                      {readableBody(item.exchange.responseBody)}
                    </pre>
                  </div>
                </div>
              </div>
            </details>
          </li>
        ),
      )}
    </ol>
  );
}
