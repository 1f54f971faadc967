import { describe, expect, it } from "vitest";
import { isFinal, normalizeApiStatus, observe as observeAny, type FlowStep, type Observation } from "./state-machine";

const observe = (current: { status: "Pending" | "Completed" | "Failed" | "Expired" | "Cancelled" | "Error"; steps: FlowStep[] }, obs: Observation) => observeAny("onboarding", current, obs);

const pending = (steps: FlowStep[] = []) => ({ status: "Pending" as const, steps });

describe("flow state machine", () => {
  it("records the user as created on the first observation", () => {
    expect(observe(pending(), { apiStatus: "Pending", deviceDone: false, processStatus: "pending" })).toEqual({
      status: "Pending",
      newSteps: ["user_created"],
      statusChanged: false,
    });
  });

  it("sees the device activated and the proofing started while still pending", () => {
    const t = observe(pending(["user_created"]), { apiStatus: "Pending", deviceDone: true, processStatus: "pending" });
    expect(t.newSteps).toEqual(["device_activated", "proofing_started"]);
    expect(t.status).toBe("Pending");
  });

  it("completes with every remaining step, in order", () => {
    const t = observe(pending(["user_created"]), { apiStatus: "Completed", deviceDone: true, processStatus: "accepted" });
    expect(t).toEqual({ status: "Completed", newSteps: ["device_activated", "proofing_started", "proofing_finished", "completed"], statusChanged: true });
  });

  it("fails after a rejected proofing without claiming completion", () => {
    const t = observe(pending(["user_created", "device_activated", "proofing_started"]), { apiStatus: "Failed", deviceDone: true, processStatus: "rejected" });
    expect(t).toEqual({ status: "Failed", newSteps: ["proofing_finished"], statusChanged: true });
  });

  it("expires before activation without inventing later steps", () => {
    const t = observe(pending(["user_created"]), { apiStatus: "Expired", deviceDone: false, processStatus: "pending" });
    expect(t).toEqual({ status: "Expired", newSteps: [], statusChanged: true });
  });

  it("never leaves a final status", () => {
    for (const status of ["Completed", "Failed", "Expired", "Cancelled", "Error"] as const) {
      expect(isFinal(status)).toBe(true);
      expect(observe({ status, steps: [] }, { apiStatus: "Pending", deviceDone: true })).toEqual({ status, newSteps: [], statusChanged: false });
    }
  });

  it("keeps the current status when the API says something unknown", () => {
    expect(observe(pending(["user_created"]), { apiStatus: "Weird", deviceDone: false }).status).toBe("Pending");
    expect(normalizeApiStatus("completed")).toBe("Completed");
    expect(normalizeApiStatus("Canceled")).toBe("Cancelled");
    expect(normalizeApiStatus("Error")).toBeNull();
  });
});

describe("step-up and authentication", () => {
  it("a step-up waits for the device's approval before the proofing", () => {
    const t = observeAny("stepup", { status: "Pending", steps: [] }, { apiStatus: "Pending", deviceDone: false, processStatus: "pending" });
    expect(t.newSteps).toEqual(["stepup_started"]);
    const approved = observeAny("stepup", { status: "Pending", steps: ["stepup_started"] }, { apiStatus: "Pending", deviceDone: true, processStatus: "processing" });
    expect(approved.newSteps).toEqual(["device_approved", "proofing_started"]);
  });

  it("a rejected authentication fails at the device step", () => {
    const t = observeAny("authentication", { status: "Pending", steps: ["authentication_started"] }, { apiStatus: "FAILED", deviceDone: false });
    expect(t).toEqual({ status: "Failed", newSteps: [], statusChanged: true });
    const ok = observeAny("authentication", { status: "Pending", steps: [] }, { apiStatus: "COMPLETED", deviceDone: true });
    expect(ok.newSteps).toEqual(["authentication_started", "device_approved", "completed"]);
  });
});
