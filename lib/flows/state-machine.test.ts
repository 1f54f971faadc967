import { describe, expect, it } from "vitest";
import { isFinal, normalizeApiStatus, observe, type OnboardingStep } from "./state-machine";

const pending = (steps: OnboardingStep[] = []) => ({ status: "Pending" as const, steps });

describe("flow state machine", () => {
  it("records the user as created on the first observation", () => {
    expect(observe(pending(), { apiStatus: "Pending", deviceActivated: false, processStatus: "pending" })).toEqual({
      status: "Pending",
      newSteps: ["user_created"],
      statusChanged: false,
    });
  });

  it("sees the device activated and the proofing started while still pending", () => {
    const t = observe(pending(["user_created"]), { apiStatus: "Pending", deviceActivated: true, processStatus: "pending" });
    expect(t.newSteps).toEqual(["device_activated", "proofing_started"]);
    expect(t.status).toBe("Pending");
  });

  it("completes with every remaining step, in order", () => {
    const t = observe(pending(["user_created"]), { apiStatus: "Completed", deviceActivated: true, processStatus: "accepted" });
    expect(t).toEqual({ status: "Completed", newSteps: ["device_activated", "proofing_started", "proofing_finished", "completed"], statusChanged: true });
  });

  it("fails after a rejected proofing without claiming completion", () => {
    const t = observe(pending(["user_created", "device_activated", "proofing_started"]), { apiStatus: "Failed", deviceActivated: true, processStatus: "rejected" });
    expect(t).toEqual({ status: "Failed", newSteps: ["proofing_finished"], statusChanged: true });
  });

  it("expires before activation without inventing later steps", () => {
    const t = observe(pending(["user_created"]), { apiStatus: "Expired", deviceActivated: false, processStatus: "pending" });
    expect(t).toEqual({ status: "Expired", newSteps: [], statusChanged: true });
  });

  it("never leaves a final status", () => {
    for (const status of ["Completed", "Failed", "Expired", "Cancelled", "Error"] as const) {
      expect(isFinal(status)).toBe(true);
      expect(observe({ status, steps: [] }, { apiStatus: "Pending", deviceActivated: true })).toEqual({ status, newSteps: [], statusChanged: false });
    }
  });

  it("keeps the current status when the API says something unknown", () => {
    expect(observe(pending(["user_created"]), { apiStatus: "Weird", deviceActivated: false }).status).toBe("Pending");
    expect(normalizeApiStatus("completed")).toBe("Completed");
    expect(normalizeApiStatus("Canceled")).toBe("Cancelled");
    expect(normalizeApiStatus("Error")).toBeNull();
  });
});
