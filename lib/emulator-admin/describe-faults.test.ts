import { describe, expect, it } from "vitest";
import { describeFaults } from "./describe-faults";

describe("describeFaults", () => {
  it("says when nothing is faulted", () => {
    expect(describeFaults({ latencyMs: 0, errorRate: 0, paths: ["/reuseid/*"] })).toEqual(["No faults: every call is answered normally."]);
  });

  it("names the paths, the rate and the status", () => {
    expect(describeFaults({ latencyMs: 0, errorRate: 1, paths: ["/reuseid/*"] })).toEqual(["Every call to /reuseid/* fails 100% of the time with HTTP 500."]);
    expect(describeFaults({ latencyMs: 250, errorRate: 0.125, paths: [] })).toEqual([
      "Every API call (not the token endpoint) waits 250 ms before it is answered.",
      "Every API call (not the token endpoint) fails 12.5% of the time with HTTP 500, at random.",
    ]);
  });

  it("warns that a token fault shows only when a new token is needed", () => {
    const words = describeFaults({ latencyMs: 0, errorRate: 1, paths: ["/auth/*", "/reuseid/*"] });
    expect(words[0]).toBe("Every call to /auth/* and /reuseid/* fails 100% of the time with HTTP 500.");
    expect(words[1]).toMatch(/cached token/);
  });
});
