import { attributeText } from "@/lib/ui/labels";

/** The user's attributes before and after a step-up, with what changed marked. */
export function AttributeChanges({ before, after }: { before: Record<string, unknown>; after: Record<string, unknown> }) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => attributeText(before[k] ?? "") !== attributeText(after[k] ?? ""));
  return (
    <div data-testid="attribute-changes">
      <p className="mb-3 text-sm text-slate-600">
        {changed.length ? `${changed.length} attribute${changed.length === 1 ? "" : "s"} changed.` : "Nothing changed: the new proofing confirmed the same identity."}
      </p>
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1.5 pr-4">Attribute</th>
            <th className="py-1.5 pr-4">Before</th>
            <th className="py-1.5">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((k) => {
            const isChanged = changed.includes(k);
            return (
              <tr key={k} data-changed={isChanged || undefined} className={isChanged ? "bg-amber-50" : undefined}>
                <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">{k}</td>
                <td data-pii="" className={`py-1.5 pr-4 ${isChanged ? "text-slate-500 line-through" : "text-slate-800"}`}>
                  {before[k] === undefined ? "—" : attributeText(before[k])}
                </td>
                <td data-pii="" className={`py-1.5 ${isChanged ? "font-semibold text-amber-900" : "text-slate-800"}`}>
                  {after[k] === undefined ? "—" : attributeText(after[k])}
                  {isChanged ? <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-amber-900">changed</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
