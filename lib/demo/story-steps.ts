/**
 * The presenter view's story: onboarding, then step-up, then a reuse authentication, one plain
 * sentence a step. Each step names the flow it shows, the flow it starts when first reached, when
 * it is done (Autopilot moves on then), and what the phone may do meanwhile (Autopilot's taps).
 */
export type Chapter = "Onboarding" | "Step-up" | "Reuse";
export type StoryFlowKind = "onboarding" | "stepup" | "authentication";
export type PhoneAction = "activate" | "identity" | "captureDocument" | "captureSelfie" | "outcome" | "submit" | "backHome" | "approve" | "startCheck";

/** What the story knows of a flow: enough to tell where it stands. */
export type StoryFlow = { status: string; activationCode: string | null; steps: string[] };
export type StoryFlows = Partial<Record<StoryFlowKind, StoryFlow>>;

export type StoryStep = {
  id: string;
  chapter: Chapter;
  sentence: (customer: string) => string;
  shows: StoryFlowKind | null;
  starts?: StoryFlowKind;
  done: (flows: StoryFlows) => boolean;
  phone: PhoneAction[];
};

const PROOFING: PhoneAction[] = ["identity", "captureDocument", "captureSelfie", "outcome", "submit"];
const final = (flow: StoryFlow | undefined) => !!flow && flow.status !== "Pending";
const completed = (flow: StoryFlow | undefined) => flow?.status === "Completed";

export const STORY: StoryStep[] = [
  {
    id: "welcome",
    chapter: "Onboarding",
    sentence: (c) => `A new customer opens an account with ${c}, from their phone.`,
    shows: null,
    done: () => true,
    phone: [],
  },
  {
    id: "activation-code",
    chapter: "Onboarding",
    sentence: () => "The bank creates a MobileID user and shows an activation code.",
    shows: "onboarding",
    starts: "onboarding",
    done: (f) => !!f.onboarding?.activationCode,
    phone: [],
  },
  {
    id: "device",
    chapter: "Onboarding",
    sentence: () => "The customer scans the code: their phone becomes a trusted device.",
    shows: "onboarding",
    done: (f) => !!f.onboarding?.steps.includes("device_activated") || final(f.onboarding),
    phone: ["activate"],
  },
  {
    id: "proofing",
    chapter: "Onboarding",
    sentence: () => "The phone films the identity document and a selfie, and VideoID checks them.",
    shows: "onboarding",
    done: (f) => final(f.onboarding),
    phone: PROOFING,
  },
  {
    id: "identity",
    chapter: "Onboarding",
    sentence: (c) => `The checked identity is written onto the user: ${c} knows who its customer is.`,
    shows: "onboarding",
    done: (f) => completed(f.onboarding),
    phone: ["backHome"],
  },
  {
    id: "stepup",
    chapter: "Step-up",
    sentence: () => "Later, for a larger loan, the bank asks the customer to prove it is still them.",
    shows: "stepup",
    starts: "stepup",
    done: (f) => final(f.stepup),
    phone: ["backHome", "approve", "startCheck", ...PROOFING],
  },
  {
    id: "stepup-done",
    chapter: "Step-up",
    sentence: () => "One tap to confirm, a fresh look at the document: the identity is up to date.",
    shows: "stepup",
    done: (f) => completed(f.stepup),
    phone: ["backHome"],
  },
  {
    id: "reuse",
    chapter: "Reuse",
    sentence: (c) => `Next time, the customer signs in to ${c} with one tap: no document, no form.`,
    shows: "authentication",
    starts: "authentication",
    done: (f) => final(f.authentication),
    phone: ["backHome", "approve"],
  },
  {
    id: "reuse-done",
    chapter: "Reuse",
    sentence: () => "The bank receives the verified name and birth date, reused from the proofing.",
    shows: "authentication",
    done: () => false, // the end of the story
    phone: [],
  },
];

export const CHAPTERS: Chapter[] = ["Onboarding", "Step-up", "Reuse"];

/** The flow a step starts when it is reached, if it has not been started yet. */
export function flowToStart(step: StoryStep, started: Partial<Record<StoryFlowKind, string>>): StoryFlowKind | null {
  return step.starts && !started[step.starts] ? step.starts : null;
}
