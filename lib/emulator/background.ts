/**
 * The emulator's background work in this process, started by the first emulator request:
 * the event dispatcher (event-delivery.ts) and a sweep that applies due expiries every few
 * seconds. Both only act on what the database says, so any number of processes may run them.
 */
import { log } from "@/lib/log";
import { wakeEventDispatcher } from "./event-delivery";
import { sweepExpired } from "./lifecycle";
import { purgeEndedWindows } from "./throttle";

const SWEEP_INTERVAL_MS = 5000;

type BackgroundState = { started: boolean; sweeping: boolean };
const state = ((globalThis as { __emuBackground?: BackgroundState }).__emuBackground ??= { started: false, sweeping: false });

async function sweep(): Promise<void> {
  if (state.sweeping) return;
  state.sweeping = true;
  try {
    await sweepExpired();
    await purgeEndedWindows();
  } catch (error) {
    log.error("emulator expiry sweep failed", { error: error instanceof Error ? error.message : String(error) });
  } finally {
    state.sweeping = false;
  }
}

export function ensureEmulatorBackground(): void {
  if (state.started) return;
  state.started = true;
  setInterval(() => void sweep(), SWEEP_INTERVAL_MS).unref();
  wakeEventDispatcher(0);
}
