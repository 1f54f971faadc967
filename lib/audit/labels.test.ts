import { describe, expect, it } from "vitest";
import { auditActionLabel, parseAuditTarget } from "./labels";

describe("audit entries as a person reads them", () => {
  it("says the action with its verb, from the detail for user and device actions", () => {
    expect(auditActionLabel("device.action", "lock")).toBe("Locked device");
    expect(auditActionLabel("device.action", "rename to “Pixel”")).toBe("Renamed device");
    expect(auditActionLabel("user.action", "delete")).toBe("Deleted user");
    expect(auditActionLabel("staff.create", "role tester")).toBe("Added staff user");
    expect(auditActionLabel("flow.stepup.start", null)).toBe("Started step-up");
  });

  it("keeps an unknown action readable", () => {
    expect(auditActionLabel("emulator.something_new", null)).toBe("Emulator something new");
  });

  it("reads the targets the handlers write", () => {
    expect(parseAuditTarget("device d-1 of user u-1", "device.action")).toEqual({ kind: "device", deviceId: "d-1", userId: "u-1" });
    expect(parseAuditTarget("user u-1", "user.action")).toEqual({ kind: "user", userId: "u-1" });
    expect(parseAuditTarget("flow 123", "flow.onboarding.start")).toEqual({ kind: "flow", flowId: "123" });
    expect(parseAuditTarget("ann@example.test", "staff.create")).toEqual({ kind: "staff", email: "ann@example.test" });
    expect(parseAuditTarget("Partner bank", "emulator.client.create")).toEqual({ kind: "text", text: "Partner bank" });
    expect(parseAuditTarget(null, "staff.signin")).toBeNull();
  });
});
