import { describe, expect, it } from "vitest";
import { cursorOf, mergeFlowUpdate, type Exchange, type FlowUpdate, type LiveFlow } from "./flow-update";

const exchange = (id: string, at: string, extra: Partial<Exchange> = {}): Exchange => ({
  id,
  method: "GET",
  url: `https://api.example/reuseid/id-onboardings/t`,
  status: 200,
  durationMs: 5,
  traceId: `trace-${id}`,
  requestBody: null,
  responseBody: '{"data":{"status":"Pending"}}',
  error: null,
  count: 1,
  createdAt: at,
  lastAt: at,
  ...extra,
});

const base = {
  id: "f1",
  type: "onboarding",
  status: "Pending",
  updatedAt: "2026-01-01T10:00:01.000Z",
  events: [{ id: "e1", kind: "status", name: "Pending", detail: null, at: "2026-01-01T10:00:00.000Z" }],
  exchanges: [exchange("x1", "2026-01-01T10:00:00.000Z"), exchange("x2", "2026-01-01T10:00:01.000Z")],
  cursor: "2026-01-01T10:00:01.000Z",
} as unknown as LiveFlow;

describe("merging a flow update", () => {
  it("grows a known run from a patch, adds new rows and events once, and moves the cursor", () => {
    const update = {
      ...base,
      updatedAt: "2026-01-01T10:00:09.000Z",
      since: base.cursor,
      cursor: "2026-01-01T10:00:09.000Z",
      events: [base.events[0], { id: "e2", kind: "step", name: "device_activated", detail: null, at: "2026-01-01T10:00:08.000Z" }],
      exchanges: [{ id: "x2", count: 6, lastAt: "2026-01-01T10:00:07.000Z", durationMs: 9, traceId: "trace-last" }, exchange("x3", "2026-01-01T10:00:09.000Z")],
    } as unknown as FlowUpdate;
    const merged = mergeFlowUpdate(base, update);
    expect(merged.events.map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(merged.exchanges.map((x) => [x.id, x.count])).toEqual([
      ["x1", 1],
      ["x2", 6],
      ["x3", 1],
    ]);
    expect(merged.exchanges[1]).toMatchObject({ responseBody: '{"data":{"status":"Pending"}}', traceId: "trace-last", lastAt: "2026-01-01T10:00:07.000Z" });
    expect(merged.cursor).toBe("2026-01-01T10:00:09.000Z");
  });

  it("ignores a patch of a row it never had and never moves the cursor back", () => {
    const update = {
      ...base,
      since: base.cursor,
      cursor: "2026-01-01T09:00:00.000Z",
      events: [],
      exchanges: [{ id: "nope", count: 3, lastAt: "x", durationMs: 1, traceId: null }],
    } as unknown as FlowUpdate;
    const merged = mergeFlowUpdate(base, update);
    expect(merged.exchanges).toHaveLength(2);
    expect(merged.cursor).toBe(base.cursor);
  });

  it("takes the latest time of the flow, its events and its exchanges as the cursor", () => {
    expect(cursorOf({ updatedAt: "2026-01-01T10:00:00.000Z" }, [{ at: "2026-01-01T10:00:02.000Z" }], [{ lastAt: "2026-01-01T10:00:05.000Z" }])).toBe("2026-01-01T10:00:05.000Z");
  });
});
