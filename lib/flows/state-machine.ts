// How a flow moves, from what the API says about it. Pure, so every transition is tested.
//
//   Pending ──▶ Completed | Failed | Expired | Cancelled      (from the API)
//   (start failed) ──▶ Error                                  (the console could not start it)
//
// A final status never changes again, and steps only ever accumulate, in their order.

export const FLOW_STATUSES = ["Pending", "Completed", "Failed", "Expired", "Cancelled", "Error"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];
export const FINAL_STATUSES: readonly FlowStatus[] = ["Completed", "Failed", "Expired", "Cancelled", "Error"];
export const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);

export const ONBOARDING_STEPS = ["user_created", "device_activated", "proofing_started", "proofing_finished", "completed"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const STEP_LABELS: Record<OnboardingStep, string> = {
  user_created: "User created",
  device_activated: "Device activated",
  proofing_started: "Proofing started",
  proofing_finished: "Proofing finished",
  completed: "Completed",
};

export type Observation = {
  /** The flow's `status` as the API gave it (PascalCase, but read case-insensitively). */
  apiStatus: string;
  /** A device of the user is activated (from the flow's deviceId or the user's devices). */
  deviceActivated: boolean;
  /** The Assure process status, when known. */
  processStatus?: string | null;
};

export type Transition = { status: FlowStatus; newSteps: OnboardingStep[]; statusChanged: boolean };

const PROCESS_STARTED = ["processing", "accepted", "rejected", "canceled", "failed", "inconclusive"];
const PROCESS_FINISHED = ["accepted", "rejected", "canceled", "failed", "inconclusive"];

export function normalizeApiStatus(value: string): FlowStatus | null {
  const found = FLOW_STATUSES.find((s) => s.toLowerCase() === value.trim().toLowerCase() && s !== "Error");
  if (found) return found;
  if (value.trim().toLowerCase() === "canceled") return "Cancelled";
  return null;
}

export function observe(current: { status: FlowStatus; steps: readonly OnboardingStep[] }, obs: Observation): Transition {
  if (isFinal(current.status)) return { status: current.status, newSteps: [], statusChanged: false };
  const apiStatus = normalizeApiStatus(obs.apiStatus) ?? current.status;
  const reached = new Set<OnboardingStep>(current.steps);
  reached.add("user_created");
  const process = obs.processStatus?.toLowerCase() ?? "";
  if (obs.deviceActivated || apiStatus === "Completed") reached.add("device_activated");
  if (reached.has("device_activated") && (PROCESS_STARTED.includes(process) || apiStatus === "Completed" || (obs.deviceActivated && process === "pending"))) {
    reached.add("proofing_started");
  }
  if (PROCESS_FINISHED.includes(process) || apiStatus === "Completed") {
    if (reached.has("proofing_started")) reached.add("proofing_finished");
  }
  if (apiStatus === "Completed") reached.add("completed");
  const newSteps = ONBOARDING_STEPS.filter((s) => reached.has(s) && !current.steps.includes(s));
  return { status: apiStatus, newSteps, statusChanged: apiStatus !== current.status };
}
