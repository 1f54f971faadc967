"use client";

// Why a flow ended other than Completed, in words a tester understands, with Try again: only
// failed flows show it, so the flow page loads it only for them.
import { Card } from "@/components/ui/card";
import type { LiveFlow } from "@/lib/flows/flow-update";
import { statusLabel } from "@/lib/ui/labels";
import { TryAgainButton } from "./try-again-button";

const REASONS: Record<string, string> = {
  // No duration here: the emulator's "expire now" (and Signicat's own reasons) end codes early too;
  // the API's message below says which it was.
  activation_expired: "The activation code expired before a device was activated.",
  proofing_expired: "The identity proofing was not finished in time.",
  proofing_rejected: "The identity proofing was rejected.",
  proofing_failed: "The identity proofing failed.",
  proofing_inconclusive: "The identity proofing was inconclusive.",
  user_cancelled: "The user cancelled in the app.",
  authentication_rejected: "The device rejected the authentication.",
  authentication_expired: "The device did not answer before the authentication expired.",
  authentication_cancelled: "The authentication was cancelled.",
  identity_mismatch: "The document belongs to another person than this user: the step-up failed and the user's identity was left unchanged.",
  environment_deleted: "The environment was deleted while this flow was pending.",
};

export function FlowOutcome({ flow, canRun }: { flow: LiveFlow; canRun: boolean }) {
  return (
    <Card title={flow.status === "Error" ? "The flow could not be started" : `The flow ended: ${statusLabel(flow.status)}`}>
      <div role="alert" data-testid="flow-reason" className="space-y-1 text-sm">
        <p className="font-medium text-slate-900">{(flow.errorCode && REASONS[flow.errorCode]) ?? flow.errorMessage ?? "No reason was given."}</p>
        {flow.errorCode ? (
          <p className="text-slate-600">
            Code <span className="font-mono">{flow.errorCode}</span>
            {flow.errorMessage && REASONS[flow.errorCode] ? ` — ${flow.errorMessage}` : ""}
          </p>
        ) : null}
      </div>
      {canRun && !flow.environment.deleted ? (
        <div className="mt-4">
          <TryAgainButton type={flow.type} input={flow.input} production={flow.environment.kind === "production"} environmentName={flow.environment.name} />
        </div>
      ) : null}
    </Card>
  );
}
