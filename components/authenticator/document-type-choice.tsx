/** The documents the flow allows, as a radio group; the flow's defaultId is preselected by the parent. */
import type { DocumentTypeOption } from "@/lib/emulator/app-protocol";

export function DocumentTypeChoice({
  options,
  value,
  onChange,
}: {
  options: DocumentTypeOption[];
  value: number | null;
  onChange: (id: number) => void;
}) {
  return (
    <fieldset>
      <legend className="text-base font-semibold text-slate-900">Document</legend>
      <p className="text-sm text-slate-600">Which document will you show to the camera?</p>
      <div role="radiogroup" aria-label="Document" className="mt-2 grid gap-2">
        {options.map((option) => (
          <label
            key={option.id}
            className="flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border border-slate-200 bg-white px-3 py-2 has-checked:border-indigo-500 has-checked:bg-indigo-50 has-checked:ring-1 has-checked:ring-indigo-500 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
          >
            <input
              type="radio"
              name="document-type"
              className="size-5 accent-indigo-600"
              checked={value === option.id}
              onChange={() => onChange(option.id)}
            />
            <DocumentIcon type={option.type} />
            <span className="min-w-0">
              <span className="block font-medium text-slate-900">{option.name}</span>
              <span className="block text-sm text-slate-500">
                {option.countryName} · {option.country}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function DocumentIcon({ type }: { type: string }) {
  const passport = type === "passport";
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-md text-[10px] font-bold text-white ${
        passport ? "h-9 w-7 bg-indigo-900" : "h-7 w-10 bg-teal-700"
      }`}
    >
      {passport ? "P" : type === "driversLicense" ? "DL" : "ID"}
    </span>
  );
}
