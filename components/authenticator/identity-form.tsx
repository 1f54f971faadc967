/** "Type an identity": the fields of IdentityInput, each with its own message. */
import type { IdentityInput } from "@/lib/emulator/app-protocol";
import type { FieldErrors } from "@/lib/authenticator/validation";
import { TextField } from "./ui";

export type IdentityDraft = Record<keyof IdentityInput, string>;

export const EMPTY_IDENTITY: IdentityDraft = {
  firstName: "",
  lastName: "",
  dateOfBirth: "",
  gender: "F",
  nationality: "",
  documentNumber: "",
  dateOfExpiry: "",
};

export function IdentityForm({ value, errors, onChange }: { value: IdentityDraft; errors: FieldErrors<keyof IdentityInput>; onChange: (value: IdentityDraft) => void }) {
  const field = (name: keyof IdentityInput) => ({
    value: value[name],
    error: errors[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [name]: event.target.value }),
  });
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm text-slate-600">As printed on the document. Names are upper-cased.</p>
      <div className="grid grid-cols-2 gap-3">
        <TextField label="First name" autoComplete="off" {...field("firstName")} />
        <TextField label="Last name" autoComplete="off" {...field("lastName")} />
        <TextField label="Date of birth" type="date" {...field("dateOfBirth")} />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-800">Sex</legend>
          <div className="mt-1 flex gap-1" role="radiogroup" aria-label="Sex">
            {(["F", "M", "X"] as const).map((gender) => (
              <label
                key={gender}
                className="flex min-h-12 flex-1 cursor-pointer items-center justify-center rounded-xl border border-slate-300 bg-white text-base font-semibold has-checked:border-indigo-500 has-checked:bg-indigo-600 has-checked:text-white"
              >
                <input type="radio" name="identity-gender" className="sr-only" checked={value.gender === gender} onChange={() => onChange({ ...value, gender })} />
                {gender}
              </label>
            ))}
          </div>
          {errors.gender ? <p className="mt-1 text-sm font-medium text-red-700">{errors.gender}</p> : null}
        </fieldset>
        <TextField label="Nationality" placeholder="NOR" maxLength={3} autoComplete="off" hint="3 letters" {...field("nationality")} />
        <TextField label="Document number" autoComplete="off" {...field("documentNumber")} />
        <TextField label="Date of expiry" type="date" className="col-span-2" {...field("dateOfExpiry")} />
      </div>
    </div>
  );
}
