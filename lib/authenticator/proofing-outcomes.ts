/** The outcomes a tester can give the simulated VideoID capture, in the order the app offers them. */
import type { ProofingOutcome } from "@/lib/emulator/app-protocol";
import { statusLabel } from "@/lib/ui/labels";

export const PROOFING_OUTCOMES: { value: ProofingOutcome; label: string; explanation: string }[] = [
  { value: "accepted", label: "Accepted", explanation: "The document and selfie check out: the identity is verified and the onboarding completes." },
  { value: "rejected", label: "Rejected", explanation: "The checks find a problem (e.g. a forged or expired document, or the face does not match): the flow fails." },
  { value: "failed", label: "Failed", explanation: "The capture could not be processed (technical failure, unreadable images): the flow fails." },
  { value: "inconclusive", label: "Inconclusive", explanation: "The checks cannot decide either way; a manual review would be needed." },
  { value: "canceled", label: "Cancelled", explanation: "The user gave up during the capture: the flow is cancelled." },
];

export function outcomeLabel(outcome: string): string {
  return PROOFING_OUTCOMES.find((option) => option.value === outcome.toLowerCase())?.label ?? outcome;
}

/** The result heading: from the process status when it names an outcome, else the outcome that was sent; in the one vocabulary ("cancelled"). */
export function proofingResultHeading(processStatus: string, submitted: ProofingOutcome): string {
  const status = processStatus.toLowerCase() === "cancelled" ? "canceled" : processStatus.toLowerCase();
  const known = PROOFING_OUTCOMES.find((option) => option.value === status);
  return `Proofing ${statusLabel(known?.value ?? submitted).toLowerCase()}`;
}
