"use client";

// What a completed flow wrote onto the user and what the authentication returned: only completed
// flows show it, so the flow page loads it only for them.
import { Card } from "@/components/ui/card";
import type { LiveFlow } from "@/lib/flows/flow-update";
import { AttributeChanges } from "./attribute-changes";

/** For a Completed flow (the flow page shows it only then). */
export function FlowResult({ flow }: { flow: LiveFlow }) {
  const result = (flow.result ?? {}) as {
    userData?: Record<string, string>;
    attributesBefore?: Record<string, unknown>;
    attributesAfter?: Record<string, unknown>;
    userAttributes?: Record<string, unknown>;
  };
  return (
    <>
      {result.userData ? (
        <Card title="Identity written onto the user (userData)">
          <Attributes testId="user-data" values={result.userData} />
        </Card>
      ) : null}

      {flow.type === "stepup" && result.attributesAfter ? (
        <Card title="What the step-up changed on the user">
          <AttributeChanges before={result.attributesBefore ?? {}} after={result.attributesAfter} />
        </Card>
      ) : null}

      {flow.type === "authentication" ? (
        <Card title="Attributes returned by the authentication">
          {result.userAttributes && Object.keys(result.userAttributes).length ? (
            <Attributes testId="user-attributes" values={result.userAttributes} />
          ) : (
            <p className="text-sm text-slate-600">The device approved. No attributes were asked for.</p>
          )}
        </Card>
      ) : null}
    </>
  );
}

/** Each attribute's name and value, the value marked as personal data (masked when screen-sharing). */
function Attributes({ testId, values }: { testId: string; values: Record<string, unknown> }) {
  return (
    <dl data-testid={testId} className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
      {Object.entries(values).map(([key, value]) => (
        <div key={key}>
          <dt className="text-xs text-slate-500">{key}</dt>
          <dd data-pii="" className="text-base font-semibold text-slate-900">
            {String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
