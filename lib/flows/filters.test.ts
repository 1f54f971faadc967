import { describe, expect, it } from "vitest";
import { filterQuery, flowFilter, parseFlowFilters } from "./filters";

describe("history filters", () => {
  it("reads the URL, drops invalid values and keeps the rest", () => {
    const f = parseFlowFilters({ type: "onboarding", status: "Bogus", from: "2026-01-05", to: "not a date", q: " cust-1 ", page: "2" });
    expect(f).toEqual({ type: "onboarding", from: "2026-01-05", q: "cust-1", page: 2 });
  });

  it("becomes one filter, with an inclusive range of whole UTC days and the free text as a fragment", () => {
    expect(flowFilter(parseFlowFilters({ status: "Completed", environment: "env-1", by: "staff-1", from: "2026-01-05", to: "2026-01-06", q: "abc" }))).toEqual({
      status: "Completed",
      environmentId: "env-1",
      startedById: "staff-1",
      from: new Date("2026-01-05T00:00:00.000Z"),
      before: new Date("2026-01-07T00:00:00.000Z"),
      text: { contains: "abc" },
    });
    expect(flowFilter(parseFlowFilters({}))).toEqual({});
  });

  it("writes filters back as a link", () => {
    expect(filterQuery({ type: "onboarding", q: "x y", page: 3 })).toBe("type=onboarding&q=x+y");
    expect(filterQuery({ type: "onboarding", page: 3 }, true)).toBe("type=onboarding&page=3");
  });
});
