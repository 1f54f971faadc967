import { describe, expect, it } from "vitest";
import type { recordAudit } from "./record";
import { AUDIT_ACTIONS, AUDIT_GROUPS, auditActionOptions, isAuditAction } from "./actions";
import { auditActionLabel } from "./labels";

describe("the audit actions list", () => {
  it("gives every action a label and a group the page knows", () => {
    for (const [action, info] of Object.entries(AUDIT_ACTIONS)) {
      expect(info.label, action).toMatch(/^[A-Z]/);
      expect(AUDIT_GROUPS, action).toContain(info.group);
      expect(auditActionLabel(action, null)).toBe(info.label);
    }
  });

  it("offers every known action in the filter, grouped, and keeps others found in the trail", () => {
    const groups = auditActionOptions(["staff.signin", "fixture.old"]);
    const known = groups.filter((g) => g.group !== "Other").flatMap((g) => g.options.map((o) => o.action));
    expect(known.sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    expect(groups.at(-1)).toEqual({ group: "Other", options: [{ action: "fixture.old", label: "fixture.old" }] });
    expect(groups.find((g) => g.group === "Staff")?.options).toContainEqual({ action: "staff.password.reset", label: "Reset staff password" });
    expect(isAuditAction("constructor")).toBe(false);
  });

  it("makes a misspelt action a type error", () => {
    const entry = (action: Parameters<typeof recordAudit>[0]["action"]) => action;
    // @ts-expect-error "staff.sigin" is not in lib/audit/actions.ts
    expect(entry("staff.sigin")).toBe("staff.sigin");
    expect(entry("staff.signin")).toBe("staff.signin");
  });
});
