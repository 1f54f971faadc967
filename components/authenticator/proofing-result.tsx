/** The answer of POST /proofings: the heading the tests look for, statuses, checks and what to do next. */
import type { ProofingOutcome, ProofingResponse } from "@/lib/emulator/app-protocol";
import { proofingResultHeading } from "@/lib/authenticator/proofing-outcomes";
import { StatusBadge } from "@/components/ui/status-badge";
import { securityCheckLabel, statusLabel } from "@/lib/ui/labels";
import { Button, Card, DefinitionRow } from "./ui";

export function ProofingResult({ result, outcome, onDone }: { result: ProofingResponse; outcome: ProofingOutcome; onDone: () => void }) {
  const heading = proofingResultHeading(result.status, outcome);
  const positive = heading === "Proofing accepted";
  const checks = Object.entries(result.securityChecks ?? {});
  return (
    <div className="space-y-5">
      <div className="flex flex-col items-center gap-3 pt-2 text-center">
        <span aria-hidden="true" className={`flex size-16 items-center justify-center rounded-full text-3xl font-bold ${positive ? "bg-emerald-100 text-emerald-700" : "bg-amber-100 text-amber-700"}`}>
          {positive ? "✓" : "!"}
        </span>
        <h2 className="text-2xl font-bold tracking-tight text-slate-900">{heading}</h2>
      </div>

      <Card>
        <dl className="divide-y divide-slate-100">
          <DefinitionRow term="Process">
            <StatusBadge status={result.status} className="text-sm" />
          </DefinitionRow>
          <DefinitionRow term="Flow">
            <StatusBadge status={result.flowStatus} className="text-sm" />
          </DefinitionRow>
          <DefinitionRow term="Process id" mono>
            {result.processId}
          </DefinitionRow>
          {result.failReason ? (
            <DefinitionRow term="Reason">
              <span className="font-medium">{result.failReason.type}</span>: {result.failReason.message}
            </DefinitionRow>
          ) : null}
        </dl>
      </Card>

      <section aria-labelledby="security-checks-heading">
        <h3 id="security-checks-heading" className="text-base font-semibold text-slate-900">
          Security checks
        </h3>
        {checks.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">The server reported no security checks for this outcome.</p>
        ) : (
          <ul className="mt-2 grid gap-1.5">
            {checks.map(([name, check]) => (
              <li key={name} className="flex items-center justify-between rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm">
                <span className="text-slate-800" title={name}>
                  {securityCheckLabel(name)}
                </span>
                <span className={`font-semibold ${check.valid ? "text-emerald-700" : "text-red-700"}`}>{check.valid ? "✓ Pass" : "✗ Fail"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* Plainly a message, not a button: no fill, no button shape; the one action is the button below. */}
      <div role="status" className="rounded-xl border-l-4 border-indigo-500 bg-slate-50 px-4 py-3 text-left">
        <p className="font-semibold text-slate-900">All done on the phone</p>
        <p className="mt-1 text-sm text-slate-700">Go back to the console: it now shows the {statusLabel(result.flowStatus).toLowerCase()} flow and its results.</p>
      </div>

      <Button variant="secondary" className="w-full" onClick={onDone}>
        Back to my device
      </Button>
    </div>
  );
}
