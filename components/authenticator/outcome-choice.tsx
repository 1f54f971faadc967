/** The result the simulated checks will give: one radio per outcome, named by its label only. */
import type { ProofingOutcome } from "@/lib/emulator/app-protocol";
import { PROOFING_OUTCOMES } from "@/lib/authenticator/proofing-outcomes";

export function OutcomeChoice({ value, onChange }: { value: ProofingOutcome; onChange: (value: ProofingOutcome) => void }) {
  return (
    <fieldset>
      <legend className="text-base font-semibold text-slate-900">Outcome</legend>
      <p className="text-sm text-slate-600">What should the identity checks decide?</p>
      <div role="radiogroup" aria-label="Outcome" className="mt-2 grid gap-2">
        {PROOFING_OUTCOMES.map((option) => (
          <label
            key={option.value}
            className="flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border border-slate-200 bg-white px-3 py-2.5 has-checked:border-indigo-500 has-checked:bg-indigo-50 has-checked:ring-1 has-checked:ring-indigo-500 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
          >
            <input
              type="radio"
              name="outcome"
              className="mt-1 size-5 shrink-0 accent-indigo-600"
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-labelledby={`outcome-${option.value}-label`}
              aria-describedby={`outcome-${option.value}-explanation`}
            />
            <span>
              <span id={`outcome-${option.value}-label`} className="block font-semibold text-slate-900">
                {option.label}
              </span>
              <span id={`outcome-${option.value}-explanation`} className="block text-sm text-slate-600">
                {option.explanation}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
