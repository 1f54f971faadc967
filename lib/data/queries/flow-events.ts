// Data access for a flow's events (status changes and the device's steps). The events a start
// or a transition writes are written with the flow, in its transaction (flows.ts).
import { db } from "@/lib/data/db";

/** When the first of these steps happened in a flow, or null: the watcher slows down after it. */
export async function firstStepAt(flowId: string, names: readonly string[]): Promise<Date | null> {
  const event = await db.flowEvent.findFirst({ where: { flowId, kind: "step", name: { in: [...names] } }, orderBy: { at: "asc" }, select: { at: true } });
  return event?.at ?? null;
}
