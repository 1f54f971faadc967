import { describe, expect, it } from "vitest";
import { checkInterval, nextCheckAt, watchDeadline } from "./watch-schedule";

const created = new Date("2026-01-01T10:00:00.000Z");
const at = (ms: number) => new Date(created.getTime() + ms);

describe("the watcher's schedule", () => {
  it("asks about every 1.5 s at first and slower as the flow ages", () => {
    expect(checkInterval(0)).toBe(1_500);
    expect(checkInterval(119_000)).toBe(1_500);
    expect(checkInterval(3 * 60_000)).toBe(3_000);
    expect(checkInterval(10 * 60_000)).toBe(10_000);
    expect(checkInterval(20 * 60_000)).toBe(30_000);
    expect(nextCheckAt({ createdAt: created }, null, at(1_000))).toEqual(at(2_500));
  });

  it("never asks past the activation code's expiry while no device is activated", () => {
    expect(watchDeadline({ createdAt: created }, null)).toEqual(at(10 * 60_000 + 5_000));
    // Close to the deadline, the last check lands on it, then there is none.
    expect(nextCheckAt({ createdAt: created }, null, at(10 * 60_000 - 1_000))).toEqual(at(10 * 60_000 + 5_000));
    expect(nextCheckAt({ createdAt: created }, null, at(10 * 60_000 + 5_000))).toBeNull();
  });

  it("gives a flow whose device is done the proofing's 30 minutes from then", () => {
    const device = at(5 * 60_000);
    expect(watchDeadline({ createdAt: created }, device)).toEqual(at(35 * 60_000 + 5_000));
    expect(nextCheckAt({ createdAt: created }, device, at(20 * 60_000))).toEqual(at(20 * 60_000 + 30_000));
    expect(nextCheckAt({ createdAt: created }, device, at(36 * 60_000))).toBeNull();
  });
});
