import { describe, expect, it } from "vitest";
import { describeDeviceState, observedStateFromRefusal } from "./device-state";

describe("device state", () => {
  it("lets only an active device act", () => {
    expect(describeDeviceState("ACTIVE")).toMatchObject({ label: "ACTIVE", tone: "good", usable: true });
    for (const state of ["LOCKED", "DEACTIVATED", "NOT_ACTIVE", "REMOVED", "SOMETHING", null]) {
      expect(describeDeviceState(state).usable).toBe(false);
    }
  });

  it("explains locked and deactivated devices", () => {
    expect(describeDeviceState("locked")).toMatchObject({ label: "LOCKED", tone: "warning" });
    expect(describeDeviceState("LOCKED").meaning).toMatch(/unlocks it in the console/);
    expect(describeDeviceState("DEACTIVATED").meaning).toMatch(/activate a new device/);
    expect(describeDeviceState(null).label).toBe("…");
  });
});

describe("state from a refused device read", () => {
  it("reads locked and deactivated from the detail, and a forgotten device from 404 or a refused signature", () => {
    expect(observedStateFromRefusal(403, "device_not_active", "The device is locked.")).toBe("LOCKED");
    expect(observedStateFromRefusal(403, "device_not_active", "The device is deactivated.")).toBe("DEACTIVATED");
    expect(observedStateFromRefusal(403, "device_not_active", null)).toBe("NOT_ACTIVE");
    expect(observedStateFromRefusal(404, "not_found", null)).toBe("REMOVED");
    expect(observedStateFromRefusal(401, "invalid_signature", "The device signature is invalid.")).toBe("REMOVED");
    expect(observedStateFromRefusal(401, "invalid_signature", "The request timestamp is more than 5 minutes off.")).toBeNull();
    expect(observedStateFromRefusal(500, "internal_error", null)).toBeNull();
    expect(observedStateFromRefusal(null, null, null)).toBeNull();
  });
});
