// A flow's statuses and steps, and what each step is called: what pages render. The rules that
// move a flow between them are in state-machine.ts, which only the server runs.

export const FLOW_STATUSES = ["Pending", "Completed", "Failed", "Expired", "Cancelled", "Error"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];
export const FINAL_STATUSES: readonly FlowStatus[] = ["Completed", "Failed", "Expired", "Cancelled", "Error"];
export const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);

export type FlowType = "onboarding" | "stepup" | "authentication";

export const STEPS = {
  onboarding: ["user_created", "device_activated", "proofing_started", "proofing_finished", "completed"],
  stepup: ["stepup_started", "device_approved", "proofing_started", "proofing_finished", "completed"],
  authentication: ["authentication_started", "device_approved", "completed"],
} as const satisfies Record<FlowType, readonly string[]>;
export type FlowStep = (typeof STEPS)[FlowType][number];

export const STEP_LABELS: Record<FlowStep, string> = {
  user_created: "User created",
  device_activated: "Device activated",
  stepup_started: "Step-up started",
  authentication_started: "Authentication started",
  device_approved: "Device approved",
  proofing_started: "Proofing started",
  proofing_finished: "Proofing finished",
  completed: "Completed",
};

export const stepsOf = (type: string): readonly FlowStep[] => STEPS[(type in STEPS ? type : "onboarding") as FlowType];
