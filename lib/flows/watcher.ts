/**
 * The server-side watcher: one per pending flow, shared by every browser and every console
 * process. Flow.nextCheckAt says when the API is asked next; a process claims a due check by
 * moving nextCheckAt forward by a lease with a compare-and-set (as the emulator's event
 * dispatcher claims deliveries), so exactly one process asks, then it writes the next time
 * from the back-off schedule (watch-schedule.ts), or null once the flow is final or expired.
 * Browsers never make the console ask Signicat: they read what the watcher stored, pushed to
 * them by live.ts. A page request only nudges a check that is already due.
 */
import { db } from "@/lib/data/db";
import { log } from "@/lib/log";
import { refreshFlow } from "./follow";
import { settleInterruptedStart } from "./interrupted-start";
import { isFinal } from "./state-machine";
import { nextCheckAt } from "./watch-schedule";

/** A claimed check that has not written its outcome by then (a crashed process) is due again. */
const LEASE_MS = 30_000;
const TICK_MS = 250;
const BATCH = 50;

const DEVICE_STEPS = ["device_activated", "device_approved"];

type DueFlow = { id: string; nextCheckAt: Date | null };

async function claim(flow: DueFlow, now: Date): Promise<boolean> {
  const claimed = await db.flow.updateMany({
    where: { id: flow.id, status: "Pending", nextCheckAt: flow.nextCheckAt },
    data: { nextCheckAt: new Date(now.getTime() + LEASE_MS) },
  });
  return claimed.count === 1;
}

/** Asks the API about one claimed flow and schedules the next check. */
async function runCheck(flowId: string): Promise<void> {
  const outcome = await refreshFlow(flowId);
  const flow = await db.flow.findUnique({
    where: { id: flowId },
    select: { status: true, createdAt: true, events: { where: { kind: "step", name: { in: DEVICE_STEPS } }, select: { at: true }, take: 1 } },
  });
  if (!flow) return;
  const next = isFinal(flow.status) ? null : nextCheckAt(flow, flow.events[0]?.at ?? null);
  await db.flow.update({ where: { id: flowId }, data: { nextCheckAt: next, checkError: outcome.upstreamError } });
}

async function claimAndRun(flow: DueFlow, now: Date): Promise<boolean> {
  if (!(await claim(flow, now))) return false;
  try {
    await runCheck(flow.id);
  } catch (error) {
    // The lease runs out and the check is due again; the page shows the last error it stored.
    log.error("flow watcher check failed", { flowId: flow.id, error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

/** Runs this flow's check now if it is due and no other process has it: what a page request nudges. */
export async function checkFlowIfDue(flowId: string, now = new Date()): Promise<boolean> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { id: true, status: true, nextCheckAt: true, transactionId: true, createdAt: true } });
  // A start that never got Signicat's answer has no check scheduled: reading it settles it.
  if (flow && !flow.transactionId) return settleInterruptedStart(flow);
  if (!flow || flow.status !== "Pending" || !flow.nextCheckAt || flow.nextCheckAt > now) return false;
  return claimAndRun(flow, now);
}

/** One pass: every due check this process can claim, run side by side. Returns how many ran. */
export async function checkDueFlows(now = new Date()): Promise<number> {
  const due = await db.flow.findMany({
    where: { status: "Pending", nextCheckAt: { lte: now } },
    select: { id: true, nextCheckAt: true },
    orderBy: { nextCheckAt: "asc" },
    take: BATCH,
  });
  const ran = await Promise.all(due.map((flow) => claimAndRun(flow, now)));
  return ran.filter(Boolean).length;
}

type WatcherState = { started: boolean; timer?: NodeJS.Timeout };
const state = ((globalThis as { __flowWatcher?: WatcherState }).__flowWatcher ??= { started: false });

/** Starts this process's watcher loop (once): a due check is picked up within TICK_MS. */
export function startFlowWatcher(): void {
  if (state.started) return;
  state.started = true;
  const tick = async () => {
    try {
      await checkDueFlows();
    } catch (error) {
      log.error("flow watcher pass failed", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      state.timer = setTimeout(() => void tick(), TICK_MS);
      state.timer.unref();
    }
  };
  void tick();
}

export function stopFlowWatcher(): void {
  if (state.timer) clearTimeout(state.timer);
  state.started = false;
}
