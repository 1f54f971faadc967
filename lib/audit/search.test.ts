import { describe, expect, it } from "vitest";
import { containsText } from "@/lib/data/db";
import { auditCsv, auditFilterInput, auditFilterParams, auditWhere, type AuditListItem } from "./search";

describe("audit filters", () => {
  it("drop empty values and take whole UTC days", () => {
    const filter = auditFilterInput.parse({ action: " ", actor: "Admin@", outcome: "", from: "2026-01-31", to: "2026-01-31" });
    expect(auditFilterParams(filter).toString()).toBe("actor=Admin%40&from=2026-01-31&to=2026-01-31");
    expect(auditWhere(filter)).toEqual({
      actorEmail: containsText("admin@"),
      createdAt: { gte: new Date("2026-01-31T00:00:00Z"), lt: new Date("2026-02-01T00:00:00Z") },
    });
  });
});

describe("auditCsv", () => {
  it("writes one row per entry under a fixed header, with formulas defused", () => {
    const entry: AuditListItem = {
      id: "e1",
      createdAt: "2026-01-31T10:00:00.000Z",
      actorEmail: "=evil@example.test",
      actorRole: "none",
      action: "staff.signin",
      target: null,
      environmentId: null,
      environmentName: null,
      reason: "a, b",
      outcome: "error",
      traceId: null,
      detail: 'said "no"',
      clientAddress: "198.51.100.7",
      actionLabel: "Signed in",
      targetLabel: null,
      targetHref: null,
    };
    expect(auditCsv([entry]).split("\r\n")).toEqual([
      "time,actor_email,actor_role,action,target,environment_id,environment_name,reason,outcome,trace_id,detail,client_address,id",
      `2026-01-31T10:00:00.000Z,'=evil@example.test,none,staff.signin,,,,"a, b",error,,"said ""no""",198.51.100.7,e1`,
      "",
    ]);
  });
});
