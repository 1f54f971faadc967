import { describe, expect, it } from "vitest";
import { auditFilterInput, auditFilterParams, auditWhere, csvCell } from "./audit-queries";

describe("csvCell", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses what a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell('+x,"y"')).toBe(`"'+x,""y"""`);
  });
});

describe("audit filters", () => {
  it("drop empty values and take whole UTC days", () => {
    const filter = auditFilterInput.parse({ action: " ", actor: "Admin@", outcome: "", from: "2026-01-31", to: "2026-01-31" });
    expect(auditFilterParams(filter).toString()).toBe("actor=Admin%40&from=2026-01-31&to=2026-01-31");
    expect(auditWhere(filter)).toEqual({
      actorEmail: { contains: "admin@" },
      createdAt: { gte: new Date("2026-01-31T00:00:00Z"), lt: new Date("2026-02-01T00:00:00Z") },
    });
  });
});
