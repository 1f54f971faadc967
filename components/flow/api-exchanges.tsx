import type { FlowDetail } from "@/lib/flows/queries";

const statusTone = (s: number | null) => (s === null ? "text-rose-700" : s >= 500 ? "text-rose-700" : s >= 400 ? "text-amber-700" : "text-emerald-700");

/** Every API exchange of a flow, in order, with the bodies on demand. */
export function ApiExchanges({ exchanges }: { exchanges: FlowDetail["exchanges"] }) {
  if (!exchanges.length) return <p className="text-sm text-slate-500">No API calls yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
      {exchanges.map((x) => {
        const path = (() => {
          try {
            const u = new URL(x.url);
            return u.pathname + u.search;
          } catch {
            return x.url;
          }
        })();
        return (
          <li key={x.id}>
            <details className="group">
              <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-xs hover:bg-slate-50">
                <span className="w-20 whitespace-nowrap text-slate-400">{new Date(x.createdAt).toLocaleTimeString()}</span>
                <span className="w-12 font-mono font-semibold text-slate-700">{x.method}</span>
                <span className="min-w-0 flex-1 truncate font-mono text-slate-800">{path}</span>
                <span className={`w-10 font-mono font-semibold ${statusTone(x.status)}`}>{x.status ?? "—"}</span>
                <span className="w-14 text-right text-slate-500">{x.durationMs} ms</span>
                <span className="hidden w-40 truncate font-mono text-slate-400 md:inline">{x.traceId ?? ""}</span>
              </summary>
              <div className="grid gap-3 bg-slate-50 px-3 py-3 md:grid-cols-2">
                {x.error ? <p className="text-xs text-rose-700 md:col-span-2">{x.error}</p> : null}
                <div>
                  <p className="mb-1 text-xs font-semibold text-slate-500">Request body</p>
                  <pre className="max-h-64 overflow-auto rounded bg-white p-2 text-xs ring-1 ring-slate-200">{x.requestBody ?? "(none)"}</pre>
                </div>
                <div>
                  <p className="mb-1 text-xs font-semibold text-slate-500">Response body</p>
                  <pre className="max-h-64 overflow-auto rounded bg-white p-2 text-xs ring-1 ring-slate-200">{x.responseBody ?? "(none)"}</pre>
                </div>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
