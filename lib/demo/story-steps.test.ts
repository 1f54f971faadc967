import { describe, expect, it } from "vitest";
import { STORY, flowToStart, type StoryFlows } from "./story-steps";

const step = (id: string) => STORY.find((s) => s.id === id)!;
const pending = (steps: string[] = [], activationCode: string | null = "0123456789") => ({ status: "Pending", activationCode, steps });

describe("the demo story", () => {
  it("runs onboarding, then step-up, then reuse, each flow started by the first step that shows it", () => {
    expect([...new Set(STORY.map((s) => s.chapter))]).toEqual(["Onboarding", "Step-up", "Reuse"]);
    expect(STORY.filter((s) => s.starts).map((s) => s.starts)).toEqual(["onboarding", "stepup", "authentication"]);
    expect(flowToStart(step("activation-code"), {})).toBe("onboarding");
    expect(flowToStart(step("activation-code"), { onboarding: "f1" })).toBeNull();
    expect(flowToStart(step("device"), {})).toBeNull();
  });

  it("says a step is done only when the flow on screen got there, so Autopilot never runs ahead of the phone", () => {
    const none: StoryFlows = {};
    expect(step("activation-code").done(none)).toBe(false);
    expect(step("device").done({ onboarding: pending(["user_created"]) })).toBe(false);
    expect(step("device").done({ onboarding: pending(["user_created", "device_activated"]) })).toBe(true);
    expect(step("proofing").done({ onboarding: pending(["device_activated", "proofing_started"]) })).toBe(false);
    expect(step("identity").done({ onboarding: { status: "Failed", activationCode: null, steps: [] } })).toBe(false);
    expect(step("identity").done({ onboarding: { status: "Completed", activationCode: null, steps: [] } })).toBe(true);
    expect(step("reuse-done").done({ authentication: { status: "Completed", activationCode: null, steps: [] } })).toBe(false);
  });

  it("names the customer in the sentences that speak of them", () => {
    expect(step("welcome").sentence("Acme Bank")).toBe("A new customer opens an account with Acme Bank, from their phone.");
    expect(step("reuse").sentence("Acme Bank")).toContain("signs in to Acme Bank with one tap");
  });
});
