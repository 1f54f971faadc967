import type { ReactNode } from "react";
import { SingleSignOnButton } from "../signin/single-sign-on-button";

/** First run with password sign-in off: nobody creates an admin here, the company's provider decides. */
export function SingleSignOnFirstRun({ name, roleClaim, failure }: { name: string; roleClaim: string; failure: ReactNode }) {
  return (
    <div className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div>
        <h2 className="text-base font-semibold text-slate-900">Start with {name}</h2>
        <div className="mt-2 space-y-2 text-sm text-slate-600">
          <p>The console has no staff users yet, and password sign-in is off.</p>
          <p>
            Everyone signs in with {name}, and their role comes from the <code className="rounded bg-slate-100 px-1">{roleClaim}</code> claim each time. The first person whose claim maps to{" "}
            <strong>admin</strong> becomes the console&apos;s first admin; people with other roles can sign in too, and nobody without a mapped role gets in.
          </p>
        </div>
      </div>
      {failure}
      <SingleSignOnButton name={name} callbackUrl="/" />
    </div>
  );
}
