// How a flow moves, from what the API says about it. Pure, so every transition is tested.
//
//   Pending ──▶ Completed | Failed | Expired | Cancelled      (from the API)
//   (start failed) ──▶ Error                                  (the console could not start it)
//
// A final status never changes again, and steps only ever accumulate, in their order.

import { FLOW_STATUSES, isFinal, STEPS, type FlowStatus, type FlowStep, type FlowType } from "./steps";

export * from "./steps";

export type Observation = {
  /** The flow's status as the API gave it (PascalCase or MobileID's upper case; read case-insensitively). */
  apiStatus: string;
  /** The device did its part: activated (onboarding) or approved the authentication (step-up, authentication). */
  deviceDone: boolean;
  /** The Assure process status, when known. */
  processStatus?: string | null;
};

export type Transition = { status: FlowStatus; newSteps: FlowStep[]; statusChanged: boolean };

const PROCESS_STARTED = ["processing", "accepted", "rejected", "canceled", "failed", "inconclusive"];
const PROCESS_FINISHED = ["accepted", "rejected", "canceled", "failed", "inconclusive"];

export function normalizeApiStatus(value: string): FlowStatus | null {
  const v = value.trim().toLowerCase();
  if (v === "canceled") return "Cancelled";
  return FLOW_STATUSES.find((s) => s.toLowerCase() === v && s !== "Error") ?? null;
}

export function observe(type: FlowType, current: { status: FlowStatus; steps: readonly string[] }, obs: Observation): Transition {
  if (isFinal(current.status)) return { status: current.status, newSteps: [], statusChanged: false };
  const steps = STEPS[type] as readonly FlowStep[];
  const apiStatus = normalizeApiStatus(obs.apiStatus) ?? current.status;
  const completed = apiStatus === "Completed";
  const reached = new Set<string>(current.steps);
  reached.add(steps[0]);
  const device = steps[1];
  if (obs.deviceDone || completed) reached.add(device);
  if (steps.includes("proofing_started")) {
    const process = obs.processStatus?.toLowerCase() ?? "";
    if (reached.has(device) && (completed || PROCESS_STARTED.includes(process) || (obs.deviceDone && process === "pending"))) reached.add("proofing_started");
    if (reached.has("proofing_started") && (completed || PROCESS_FINISHED.includes(process))) reached.add("proofing_finished");
  }
  if (completed) reached.add("completed");
  const newSteps = steps.filter((s) => reached.has(s) && !current.steps.includes(s));
  return { status: apiStatus, newSteps, statusChanged: apiStatus !== current.status };
}
