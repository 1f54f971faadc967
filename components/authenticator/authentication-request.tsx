"use client";

/**
 * A pending MobileID authentication: who asks, the pre-operation context, the time left,
 * Approve (signs the challenge with the device's key) and Reject; then the outcome.
 */
import { useState } from "react";
import { answerAuthentication, type AuthenticationAnswerResult } from "@/lib/authenticator/app-client";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import { AppRequestError } from "@/lib/authenticator/http";
import { formatCountdown, readOperationContext, secondsLeft, type AuthenticationOperation } from "@/lib/authenticator/pending-authentication";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import { OperationContextView } from "./operation-context";
import { Button, Card, ErrorNotice, Notice } from "./ui";
import { useNow } from "./use-now";

/** `after`: the post-operation context the service sent for after approval, when it sent one. */
export type AuthenticationOutcome = { kind: "approved"; after?: { content: string; mimeType: string } | null } | { kind: "rejected" } | { kind: "error"; error: PlainError };

export function AuthenticationRequest({
  operation,
  accountName,
  serverUrl,
  device,
  canAnswer,
  outcome,
  onAnswered,
  onDismiss,
}: {
  operation: AuthenticationOperation;
  accountName: string | null;
  serverUrl: string;
  device: SigningDevice | null;
  /** False while the key is loading or the device is not active. */
  canAnswer: boolean;
  outcome: AuthenticationOutcome | null;
  onAnswered: (outcome: AuthenticationOutcome, result: AuthenticationAnswerResult) => void;
  onDismiss: () => void;
}) {
  const now = useNow();
  const [busy, setBusy] = useState<"approve" | "reject" | null>(null);
  const [retryableError, setRetryableError] = useState<PlainError | null>(null);
  const left = secondsLeft(operation.expiresAt, now);
  const expired = left === 0;
  const context = readOperationContext(operation.preOperationContext);
  const title = operation.stepUp ? "Step-up: verify your identity again" : "Sign-in request";
  const headingId = `auth-${operation.authenticationId}`;

  async function answer(decision: "approve" | "reject") {
    if (!device) return;
    setBusy(decision);
    setRetryableError(null);
    try {
      const result = await answerAuthentication(serverUrl, device, operation, decision);
      onAnswered(decision === "approve" ? { kind: "approved", after: result?.postOperationContext ?? null } : { kind: "rejected" }, result);
    } catch (caught) {
      const error = describeRequestError(caught, "authentication");
      // No answer, a server fault or a refused signature: the request is still open, so the buttons stay.
      const retryable = !(caught instanceof AppRequestError) || caught.status === null || caught.status >= 500 || caught.status === 429 || caught.status === 401;
      if (retryable) setRetryableError(error);
      else onAnswered({ kind: "error", error }, null);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card className={`space-y-3 ${outcome ? "" : operation.stepUp ? "border-violet-300 bg-violet-50/40" : "border-indigo-300 bg-indigo-50/40"}`}>
      <section aria-labelledby={headingId} className="space-y-3">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 id={headingId} className="font-semibold text-slate-900">
              {title}
            </h3>
            <p className="text-sm text-slate-600">
              {operation.stepUp
                ? `${accountName ?? "The service"} asks you to confirm it is you, then to verify your identity with a document.`
                : `${accountName ?? "The service"} asks you to confirm it is you.`}
            </p>
          </div>
          {!outcome && left !== null ? (
            <span
              className={`shrink-0 rounded-lg px-2 py-1 font-mono text-sm font-semibold tabular-nums ${
                expired ? "bg-red-100 text-red-800" : left < 30 ? "bg-amber-100 text-amber-900" : "bg-white text-slate-700 ring-1 ring-slate-200"
              }`}
              aria-label={expired ? "Expired" : `Expires in ${formatCountdown(left)}`}
              title="Time left to answer"
            >
              {expired ? "Expired" : formatCountdown(left)}
            </span>
          ) : null}
        </div>

        {context ? <OperationContextView context={context} caption="Details from the service" /> : <p className="text-sm text-slate-500">The service sent no details with this request.</p>}

        {outcome ? (
          <OutcomeNotice outcome={outcome} stepUp={operation.stepUp} onDismiss={onDismiss} />
        ) : expired ? (
          <Notice tone="warning" title="Expired">
            This request can no longer be answered. Ask the service to send a new one.
          </Notice>
        ) : (
          <>
            {retryableError ? <ErrorNotice error={retryableError} /> : null}
            {!canAnswer ? <p className="text-sm text-slate-600">This device cannot answer right now.</p> : null}
            <div className="grid grid-cols-2 gap-2">
              <Button variant="danger" disabled={!canAnswer || busy !== null} busy={busy === "reject"} busyLabel="Rejecting…" onClick={() => void answer("reject")}>
                Reject
              </Button>
              <Button disabled={!canAnswer || busy !== null} busy={busy === "approve"} busyLabel="Signing…" onClick={() => void answer("approve")}>
                Approve
              </Button>
            </div>
          </>
        )}
      </section>
    </Card>
  );
}

function OutcomeNotice({ outcome, stepUp, onDismiss }: { outcome: AuthenticationOutcome; stepUp: boolean; onDismiss: () => void }) {
  const dismiss = (
    <Button variant="ghost" className="min-h-10 px-3 text-sm" onClick={onDismiss}>
      Dismiss
    </Button>
  );
  if (outcome.kind === "error") return <ErrorNotice error={outcome.error} action={dismiss} />;
  if (outcome.kind === "rejected") {
    return (
      <Notice tone="warning" title="Rejected" action={dismiss}>
        You said it was not you. The service is told the sign-in failed.
      </Notice>
    );
  }
  const after = readOperationContext(outcome.after);
  return (
    <div className="space-y-3">
      <Notice tone="success" title="Approved" action={stepUp ? undefined : dismiss}>
        {stepUp ? "Signed with this device's key. Opening the identity check…" : "Signed with this device's key. The service is told it was you."}
      </Notice>
      {after ? <OperationContextView context={after} caption="Message from the service" /> : null}
    </div>
  );
}
