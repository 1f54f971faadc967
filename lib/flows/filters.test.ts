import { describe, expect, it } from "vitest";
import { containsText } from "@/lib/data/queries/flows";
import { filterQuery, flowWhere, parseFlowFilters } from "./filters";

describe("history filters", () => {
  it("reads the URL, drops invalid values and keeps the rest", () => {
    const f = parseFlowFilters({ type: "onboarding", status: "Bogus", from: "2026-01-05", to: "not a date", q: " cust-1 ", page: "2" });
    expect(f).toEqual({ type: "onboarding", from: "2026-01-05", q: "cust-1", page: 2 });
  });

  it("builds one where-clause, with an inclusive date range and free text over three ids", () => {
    const where = flowWhere(parseFlowFilters({ status: "Completed", from: "2026-01-05", to: "2026-01-06", q: "abc" }));
    expect(where).toEqual({
      AND: [
        { status: "Completed" },
        { createdAt: { gte: new Date("2026-01-05T00:00:00.000Z") } },
        { createdAt: { lt: new Date("2026-01-07T00:00:00.000Z") } },
        { OR: [{ externalRef: containsText("abc") }, { userId: containsText("abc") }, { transactionId: containsText("abc") }] },
      ],
    });
    expect(flowWhere(parseFlowFilters({ status: "Completed" }), { ignoreStatus: true })).toEqual({});
  });

  it("writes filters back as a link", () => {
    expect(filterQuery({ type: "onboarding", q: "x y", page: 3 })).toBe("type=onboarding&q=x+y");
    expect(filterQuery({ type: "onboarding", page: 3 }, true)).toBe("type=onboarding&page=3");
  });
});
