// The overview's figures from the database (flowStats) against the plain-code reference
// (aggregate) over the same rows, on whichever database the suite runs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import { staffWithRole } from "@/lib/testing/console";
import { aggregate, flowStats } from "@/lib/flows/stats";

const now = new Date("2026-03-10T12:00:00Z");
const TYPES = ["onboarding", "stepup", "authentication"];
const STATUSES = ["Completed", "Completed", "Failed", "Pending", "Expired", "Completed"];

beforeAll(async () => {
  await bootstrap();
  const staff = await staffWithRole("tester");
  const env = await db.environment.findFirstOrThrow();
  const rows = Array.from({ length: 240 }, (_, i) => {
    const createdAt = new Date(now.getTime() - ((i * 7919) % (16 * 86_400)) * 1000); // spread over 16 days, some outside the window
    const status = STATUSES[i % STATUSES.length];
    const seconds = 5 + ((i * 37) % 300) + (i % 3) * 0.25;
    return {
      type: TYPES[i % 3],
      status,
      environmentId: env.id,
      startedById: staff.id,
      input: "{}",
      createdAt,
      finishedAt: status === "Pending" ? null : new Date(createdAt.getTime() + seconds * 1000),
    };
  });
  await db.flow.createMany({ data: rows });
});

describe("the overview's figures from the database", () => {
  it("match the plain-code aggregation day by day and type by type", async () => {
    const rows = await db.flow.findMany({ select: { type: true, status: true, createdAt: true, finishedAt: true } });
    const expected = aggregate(rows, TYPES, 14, now);
    const actual = await flowStats(TYPES, 14, now);
    expect(actual).toHaveLength(3);
    for (let t = 0; t < 3; t++) {
      expect(actual[t]).toMatchObject({ type: TYPES[t], total: expected[t].total, completed: expected[t].completed, finished: expected[t].finished });
      expect(actual[t].successRate).toBeCloseTo(expected[t].successRate!);
      expect(actual[t].medianSeconds).toBeCloseTo(expected[t].medianSeconds!, 3);
      expect(actual[t].days.map((d) => [d.day, d.total, d.completed, d.finished])).toEqual(expected[t].days.map((d) => [d.day, d.total, d.completed, d.finished]));
      actual[t].days.forEach((d, i) => (expected[t].days[i].medianSeconds === null ? expect(d.medianSeconds).toBeNull() : expect(d.medianSeconds).toBeCloseTo(expected[t].days[i].medianSeconds!, 3)));
    }
    expect(expected[0].total).toBeGreaterThan(20);
  });
});
