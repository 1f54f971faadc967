import type { OpenApiDocument, Operation } from "./openapi-types";
import { SchemaFields, typeLabel } from "./schema-fields";

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

type Entry = { method: string; path: string; operation: Operation };

/** The document's operations grouped by tag, in the document's order. */
export function groupByTag(doc: OpenApiDocument): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>();
  for (const tag of doc.tags ?? []) groups.set(tag.name, []);
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, operation }]);
    }
  }
  return [...groups.entries()].filter(([, entries]) => entries.length > 0);
}

function OperationDetail({ method, path, operation }: Entry) {
  const body = operation.requestBody ? Object.entries(operation.requestBody.content)[0] : undefined;
  return (
    <details className="group rounded-lg ring-1 ring-slate-200 open:ring-indigo-200">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
        <span className={`w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase ${METHOD_COLOURS[method] ?? "bg-slate-100 text-slate-800"}`}>{method}</span>
        <span className="min-w-0 break-all font-mono text-slate-900">{path}</span>
        <span className="text-slate-600">{operation.summary}</span>
      </summary>
      <div className="space-y-4 border-t border-slate-100 px-3 py-3 text-sm">
        {operation.description ? <p className="whitespace-pre-line text-slate-700">{operation.description}</p> : null}
        {operation.parameters?.length ? (
          <div>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
            <ul className="space-y-1 text-xs">
              {operation.parameters.map((p) => (
                <li key={`${p.in}-${p.name}`}>
                  <span className="font-mono font-medium text-slate-900">{p.name}</span>
                  <span className="ml-2 text-slate-500">{p.in}</span>
                  {p.required ? <span className="ml-1 text-rose-700">required</span> : null}
                  <span className="ml-2 break-words text-slate-600">{typeLabel(p.schema)}</span>
                  {p.description ? <span className="ml-2 text-slate-500">— {p.description}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {body ? (
          <div>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Request body · {body[0]}</h4>
            <SchemaFields schema={body[1].schema} />
            {body[1].examples
              ? Object.entries(body[1].examples).map(([name, example]) => (
                  <div key={name} className="mt-2">
                    <p className="text-xs text-slate-600">Example: {example.summary ?? name}</p>
                    <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{JSON.stringify(example.value, null, 2)}</pre>
                  </div>
                ))
              : null}
          </div>
        ) : null}
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h4>
          <ul className="space-y-2 text-xs">
            {Object.entries(operation.responses ?? {}).map(([status, response]) => {
              const content = response.content ? Object.entries(response.content)[0] : undefined;
              return (
                <li key={status}>
                  <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-rose-700"}`}>{status}</span>
                  <span className="ml-2 text-slate-700">{response.description}</span>
                  {content && status.startsWith("2") && content[1].schema ? (
                    <div className="mt-1">
                      <SchemaFields schema={content[1].schema} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </details>
  );
}

export function OperationList({ doc }: { doc: OpenApiDocument }) {
  return (
    <div className="space-y-6">
      {groupByTag(doc).map(([tag, entries]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} className="mb-2 text-sm font-semibold text-slate-900">
            {tag}
          </h2>
          <div className="space-y-2">
            {entries.map((entry) => (
              <OperationDetail key={`${entry.method} ${entry.path}`} {...entry} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
