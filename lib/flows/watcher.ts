/**
 * The server-side watcher: one per pending flow, shared by every browser and every console
 * process. Flow.nextCheckAt says when the API is asked next; a process claims a due check by
 * moving nextCheckAt forward by a lease with a compare-and-set (as the emulator's event
 * dispatcher claims deliveries), so exactly one process asks, then it writes the next time
 * from the back-off schedule (watch-schedule.ts), or null once the flow is final or expired.
 * Browsers never make the console ask Signicat: they read what the watcher stored, pushed to
 * them by live.ts. A page request only nudges a check that is already due.
 */
import { firstStepAt } from "@/lib/data/queries/flow-events";
import { claimFlowCheck, getFlowCheck, listDueFlowChecks, makeFlowCheckDue, scheduleFlowCheck, type DueFlow } from "@/lib/data/queries/flows";
import { log } from "@/lib/log";
import { refreshFlow } from "./follow";
import { DEVICE_STEPS, type CheckedFlow } from "./lifecycle";
import { settleInterruptedStart } from "./interrupted-start";
import { isFinal } from "./state-machine";
import { nextCheckAt } from "./watch-schedule";

/** A claimed check that has not written its outcome by then (a crashed process) is due again. */
const LEASE_MS = 30_000;
const TICK_MS = 250;
const BATCH = 50;

const claim = (flow: DueFlow, now: Date) => claimFlowCheck(flow.id, now, new Date(now.getTime() + LEASE_MS));

/** Asks the API about one claimed flow and schedules the next check. */
async function runCheck(flowId: string): Promise<void> {
  const outcome = await refreshFlow(flowId);
  if (!outcome.flow) return;
  await scheduleFlowCheck(flowId, await nextCheckOf(flowId, outcome.flow), outcome.upstreamError);
}

/**
 * The next check from the flow as this check left it. Before the watcher gives up on a pending
 * flow (its deadline passed) the deadline is read again from the database: a check running
 * beside this one (an event's) may have recorded a device step this one did not see.
 */
async function nextCheckOf(flowId: string, flow: CheckedFlow): Promise<Date | null> {
  if (isFinal(flow.status)) return null;
  const next = nextCheckAt(flow, flow.deviceStepAt);
  if (next) return next;
  const stored = await getFlowCheck(flowId);
  return stored && !isFinal(stored.status) ? nextCheckAt(stored, await firstStepAt(flowId, DEVICE_STEPS)) : null;
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
  const flow = await getFlowCheck(flowId);
  // A start that never got Signicat's answer has no check scheduled: reading it settles it.
  if (flow && !flow.transactionId) return settleInterruptedStart(flow);
  if (!flow || flow.status !== "Pending" || !flow.nextCheckAt || flow.nextCheckAt > now) return false;
  return claimAndRun(flow, now);
}

/**
 * Runs this flow's check now, due or not: a Signicat event said the flow changed, or the demo's
 * reset follows a flow to its end. It makes the check due and then takes the same claim as the
 * watcher, so one process asks; a check already running when it comes is followed by this one,
 * since that check may have read the state from before the change. A flow that is final,
 * expired or never started has nothing to check.
 */
export async function checkFlowNow(flowId: string, now = new Date()): Promise<boolean> {
  if (!(await makeFlowCheckDue(flowId, now))) return false;
  return checkFlowIfDue(flowId, now);
}

/** One pass: every due check this process can claim, run side by side. Returns how many ran. */
export async function checkDueFlows(now = new Date()): Promise<number> {
  const due = await listDueFlowChecks(now, BATCH);
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
