"use client";

// What a pending step-up or authentication waits for: the device to approve, then (a step-up)
// the proofing of the person the user already is. Loaded only for those flows.
import { Notice } from "@/components/ui/states";
import type { LiveFlow } from "@/lib/flows/flow-update";

export function DeviceApprovalNotice({ flow }: { flow: LiveFlow }) {
  const deviceStepDone = flow.events.some((e) => e.name === "device_approved" || e.name === "device_activated");
  // Who a step-up must prove again: the identity the user held when it started.
  const before = (flow.result as { attributesBefore?: Record<string, string> } | null)?.attributesBefore;
  const expected = before?.firstName && before?.lastName ? `${before.firstName} ${before.lastName}${before.dateOfBirth ? `, born ${before.dateOfBirth}` : ""}` : null;
  return (
    <>
      {flow.type === "stepup" && flow.status === "Pending" && expected ? (
        <div data-testid="stepup-expected-person">
          <Notice tone="warning">
            This step-up must prove <strong>{expected}</strong> again. A document of another person ends it Failed and changes nothing on the user.
          </Notice>
        </div>
      ) : null}
      {flow.status === "Pending" && flow.type !== "onboarding" ? (
        <Notice>
          {deviceStepDone ? (
            "The device approved. Waiting for the identity proofing in the app: document, then selfie."
          ) : (
            <>
              Waiting for the device{" "}
              <span data-pii="" className="font-mono">
                {flow.deviceId}
              </span>{" "}
              to approve the request
              {flow.environment.kind === "embedded" ? (
                <>
                  {" "}
                  — open the{" "}
                  <a href="/authenticator" target="_blank" rel="noopener" className="font-medium underline">
                    virtual app
                  </a>{" "}
                  that holds this device.
                </>
              ) : (
                " in the Authenticator App."
              )}
            </>
          )}
        </Notice>
      ) : null}
    </>
  );
}
