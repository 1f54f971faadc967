// A start the console never finished: the flow row is written before Signicat is asked (so a
// live code is never lost), and a process killed before the answer leaves it Pending with no
// transaction id, which nothing would ever follow. Past START_TIMEOUT_MS, when the flow is read
// or listed, it is marked Error with a reason a tester understands.
import { listInterruptedStarts, markStartInterrupted } from "@/lib/data/queries/flows";

/** Longer than any start can take: a token, up to two API calls of 15 s each, and one retry. */
export const START_TIMEOUT_MS = 2 * 60_000;
export const INTERRUPTED_CODE = "start_interrupted";
export const INTERRUPTED_MESSAGE = "The start was interrupted before Signicat's answer was stored (the console was stopped or restarted), so nothing can follow this flow. Start it again.";

const markInterrupted = (flowId: string, now: Date) => markStartInterrupted(flowId, new Date(now.getTime() - START_TIMEOUT_MS), now, INTERRUPTED_CODE, INTERRUPTED_MESSAGE);

/** Marks this flow when it is such an interrupted start; true when it was. */
export async function settleInterruptedStart(flow: { id: string; status: string; transactionId: string | null; createdAt: Date }): Promise<boolean> {
  const now = new Date();
  if (flow.status !== "Pending" || flow.transactionId || now.getTime() - flow.createdAt.getTime() < START_TIMEOUT_MS) return false;
  return markInterrupted(flow.id, now);
}

/** Marks every interrupted start (a few at a time: there are none unless a process died mid-start). */
export async function settleInterruptedStarts(): Promise<number> {
  const now = new Date();
  const stuck = await listInterruptedStarts(new Date(now.getTime() - START_TIMEOUT_MS), 100);
  let marked = 0;
  for (const id of stuck) if (await markInterrupted(id, now)) marked++;
  return marked;
}
