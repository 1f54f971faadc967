import { describe, expect, it } from "vitest";
import { aggregate, median } from "./stats";

const now = new Date("2026-03-10T12:00:00Z");
const at = (iso: string, seconds?: number) => ({ createdAt: new Date(iso), finishedAt: seconds === undefined ? null : new Date(new Date(iso).getTime() + seconds * 1000) });

describe("flow stats", () => {
  it("takes the median of an odd and an even list", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("counts per day and type, rates only finished flows, and medians completed durations", () => {
    const rows = [
      { type: "onboarding", status: "Completed", ...at("2026-03-10T08:00:00Z", 60) },
      { type: "onboarding", status: "Completed", ...at("2026-03-10T09:00:00Z", 120) },
      { type: "onboarding", status: "Failed", ...at("2026-03-09T09:00:00Z", 30) },
      { type: "onboarding", status: "Pending", ...at("2026-03-10T11:00:00Z") },
      { type: "onboarding", status: "Completed", ...at("2026-02-01T09:00:00Z", 10) }, // outside the window
      { type: "stepup", status: "Expired", ...at("2026-03-10T10:00:00Z", 600) },
    ];
    const [onboarding, stepup] = aggregate(rows, ["onboarding", "stepup"], 3, now);
    expect(onboarding.days.map((d) => d.day)).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(onboarding.days[2]).toEqual({ day: "2026-03-10", total: 3, completed: 2, finished: 2, medianSeconds: 90 });
    expect(onboarding).toMatchObject({ total: 4, completed: 2, finished: 3, medianSeconds: 90 });
    expect(onboarding.successRate).toBeCloseTo(2 / 3);
    expect(stepup).toMatchObject({ total: 1, completed: 0, successRate: 0, medianSeconds: null });
  });
});
