import { EnvironmentBadge } from "@/components/environment-badge";
import { Field, inputClass } from "@/components/ui/field";
import type { PublicEnvironment } from "@/lib/environments";

/** Which environment a flow starts in, with its badge so production cannot be missed. */
export function EnvironmentField({ environments, value, onChange, error }: { environments: PublicEnvironment[]; value: string; onChange: (id: string) => void; error?: string }) {
  const environment = environments.find((e) => e.id === value);
  return (
    <div>
      <Field label="Environment" htmlFor="environmentId" error={error}>
        <select id="environmentId" value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </Field>
      {environment ? (
        <p className="mt-3 text-xs text-slate-500">
          Acts on <EnvironmentBadge kind={environment.kind} name={environment.name} />
        </p>
      ) : null}
    </div>
  );
}
