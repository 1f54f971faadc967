/** Who is "in front of the camera": one of the emulator's test personas, or a typed identity. */
import type { PersonaSummary } from "@/lib/emulator/app-protocol";
import type { PlainError } from "@/lib/authenticator/error-messages";
import { Button, ErrorNotice, Spinner } from "./ui";

export type IdentitySelection = { kind: "persona"; personaId: string } | { kind: "typed" };

const OPTION_CLASS =
  "flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border border-slate-200 bg-white px-3 py-2.5 has-checked:border-indigo-500 has-checked:bg-indigo-50 has-checked:ring-1 has-checked:ring-indigo-500 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600";

export function IdentityChoice({
  personas,
  value,
  onChange,
  onRetry,
  children,
}: {
  personas: { state: "loading" } | { state: "error"; error: PlainError } | { state: "ok"; list: PersonaSummary[] };
  value: IdentitySelection | null;
  onChange: (value: IdentitySelection) => void;
  onRetry: () => void;
  /** The typed-identity form, shown under its option when chosen. */
  children?: React.ReactNode;
}) {
  return (
    <fieldset>
      <legend className="text-base font-semibold text-slate-900">Identity</legend>
      <p className="text-sm text-slate-600">Whose document and face will the camera see?</p>
      <div role="radiogroup" aria-label="Identity" className="mt-2 grid gap-2">
        {personas.state === "loading" ? (
          <p className="flex items-center gap-2 rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            <Spinner className="size-4" /> Loading test personas…
          </p>
        ) : personas.state === "error" ? (
          <ErrorNotice
            error={personas.error}
            action={
              <Button variant="secondary" className="min-h-10 text-sm" onClick={onRetry}>
                Load personas again
              </Button>
            }
          />
        ) : personas.list.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">The server offers no test personas. Type an identity instead.</p>
        ) : (
          personas.list.map((persona) => (
            <label key={persona.id} className={OPTION_CLASS}>
              <input
                type="radio"
                name="identity"
                className="mt-1 size-5 shrink-0 accent-indigo-600"
                checked={value?.kind === "persona" && value.personaId === persona.id}
                onChange={() => onChange({ kind: "persona", personaId: persona.id })}
              />
              <span className="min-w-0">
                <span className="block font-semibold text-slate-900">
                  {persona.firstName} {persona.lastName}
                </span>
                <span className="block text-sm text-slate-600">
                  {persona.nationality} · born {persona.dateOfBirth} · {persona.gender}
                </span>
                {persona.note ? <span className="mt-1 block rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900">{persona.note}</span> : null}
              </span>
            </label>
          ))
        )}
        <label className={OPTION_CLASS}>
          <input type="radio" name="identity" className="mt-1 size-5 shrink-0 accent-indigo-600" checked={value?.kind === "typed"} onChange={() => onChange({ kind: "typed" })} />
          <span>
            <span className="block font-semibold text-slate-900">Type an identity</span>
            <span className="block text-sm text-slate-600">Any name, dates and document number you like.</span>
          </span>
        </label>
        {value?.kind === "typed" ? children : null}
      </div>
    </fieldset>
  );
}
