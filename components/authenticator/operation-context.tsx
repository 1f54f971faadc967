/** An operation context as a person reads it: text as text, a flat JSON object as labelled rows. */
import { contextRows, type ReadableContext } from "@/lib/authenticator/pending-authentication";

export function OperationContextView({ context, caption }: { context: ReadableContext; caption: string }) {
  const rows = contextRows(context);
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {caption}
        {context.kind === "other" ? ` (${context.mimeType})` : ""}
      </figcaption>
      {context.kind === "text" ? (
        <p className="mt-1 whitespace-pre-wrap break-words text-base text-slate-900">{context.text}</p>
      ) : rows ? (
        <dl className="mt-1 space-y-1 text-sm">
          {rows.map((row) => (
            <div key={row.label} className="grid grid-cols-[8rem_1fr] gap-2">
              <dt className="text-slate-500">{row.label}</dt>
              <dd className="break-words font-medium text-slate-900">{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-900">{context.text}</pre>
      )}
    </figure>
  );
}
