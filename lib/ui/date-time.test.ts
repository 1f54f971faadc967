import { describe, expect, it } from "vitest";
import { formatDateTime, formatExact, formatRelative } from "./date-time";

const at = "2026-12-01T14:05:09.000Z";
const now = Date.parse(at);

describe("one date-and-time format", () => {
  it("writes the viewer's locale and time zone", () => {
    expect(formatDateTime(at, "datetime", { locale: "en-GB", timeZone: "Europe/Oslo" })).toBe("1 Dec 2026, 15:05");
    expect(formatDateTime(at, "datetime", { locale: "en-US", timeZone: "America/New_York" })).toBe("Dec 1, 2026, 9:05 AM");
    expect(formatDateTime(at, "time", { locale: "en-GB", timeZone: "UTC" })).toBe("14:05:09");
  });

  it("gives the exact moment with its zone for the hover", () => {
    expect(formatExact(at, { locale: "en-GB", timeZone: "UTC" })).toMatch(/^Tuesday,? 1 December 2026 at 14:05:09 UTC$/);
  });

  it("says how long ago when that is what matters, and a date once it is old", () => {
    const viewer = { locale: "en", timeZone: "UTC" };
    expect(formatRelative(at, now + 3_000, viewer)).toBe("now");
    expect(formatRelative(at, now + 3 * 60_000, viewer)).toBe("3 minutes ago");
    expect(formatRelative(at, now - 10 * 60_000, viewer)).toBe("in 10 minutes");
    expect(formatRelative(at, now + 26 * 3_600_000, viewer)).toBe("yesterday");
    expect(formatRelative(at, now + 30 * 86_400_000, viewer)).toBe("Dec 1, 2026, 2:05 PM");
  });

  it("keeps each viewer's formatter apart: the same moment read in turn in two zones and two styles", () => {
    for (let i = 0; i < 2; i++) {
      expect(formatDateTime(at, "datetime", { locale: "en-GB", timeZone: "Europe/Oslo" })).toBe("1 Dec 2026, 15:05");
      expect(formatDateTime(at, "datetime", { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe("1 Dec 2026, 23:05");
      expect(formatDateTime(at, "date", { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe("1 Dec 2026");
      expect(formatDateTime(at, "time", { locale: "en-US", timeZone: "Asia/Tokyo" })).toBe("11:05:09 PM");
    }
    expect(() => formatDateTime(at, "date", { timeZone: "Not/AZone" })).toThrow(RangeError);
  });

  it("shows a dash for what is not a date", () => {
    expect(formatDateTime("not a date", "datetime")).toBe("—");
    expect(formatRelative("", now)).toBe("—");
  });
});
