// What counts as news from a check of a pending flow: the watcher writes the flow only then.
import { describe, expect, it } from "vitest";
import type { Flow } from "@/lib/generated/prisma/client";
import { changesFlow, type Sighting } from "./lifecycle";

const stored = {
  status: "Pending",
  transactionId: "t-1",
  userId: "u-1",
  deviceId: null,
  result: { status: "Pending", userId: "u-1", process: { id: "p-1", steps: [1, 2] } },
} as unknown as Flow;
const seen = (over: Partial<Sighting> = {}): Sighting => ({
  apiStatus: "Pending",
  deviceDone: false,
  ids: { transactionId: "t-1", userId: "u-1" },
  result: { process: { steps: [1, 2], id: "p-1" }, userId: "u-1", status: "Pending" },
  ...over,
});
const same = { status: "Pending" as const, newSteps: [] };

describe("changesFlow", () => {
  it("sees no news in the same answer, whatever order its keys come in (PostgreSQL's jsonb reorders them)", () => {
    expect(changesFlow(stored, seen(), same)).toBe(false);
    expect(changesFlow(stored, seen({ result: undefined, ids: { userId: undefined } }), same)).toBe(false);
  });

  it("sees news in a status, a step, an id, an error or a changed answer", () => {
    expect(changesFlow(stored, seen(), { status: "Completed", newSteps: [] })).toBe(true);
    expect(changesFlow(stored, seen(), { status: "Pending", newSteps: ["device_activated"] })).toBe(true);
    expect(changesFlow(stored, seen({ ids: { deviceId: "d-1" } }), same)).toBe(true);
    expect(changesFlow(stored, seen({ error: { code: "expired" } }), same)).toBe(true);
    expect(changesFlow(stored, seen({ result: { status: "Pending", userId: "u-1", process: { id: "p-1", steps: [2, 1] } } }), same)).toBe(true);
    expect(changesFlow(stored, seen({ result: { status: "Pending", userId: "u-1" } }), same)).toBe(true);
  });
});
