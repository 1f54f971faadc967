/**
 * Brute-force brakes shared by every console process: fixed one-minute windows counted in
 * EmuRateCounter (a conditional upsert per attempt, as the event dispatcher claims its work in
 * the database). Two kinds of guess are braked:
 *
 * - activation codes (10 digits: the count is the only defence). Each attempt reserves a place
 *   in its address's window before the code is looked at, so parallel guesses cannot overshoot;
 *   a right code gives its place back, a wrong one also counts against the account.
 * - client secrets at the token endpoint (long random values: the brake keeps floods cheap and
 *   weak configured secrets safe). Failures are counted per address and per client id.
 *
 * An account or client past its bound is closed only to addresses that already failed in the
 * window, so an attack cannot lock out the person who holds the right code or secret.
 *
 * A braked caller's 429 is held back for a moment (a timer, no CPU): a loop that guesses as fast as
 * answers come then sends about one request a second, and cannot crowd out everyone else's.
 */
import { createHash } from "node:crypto";
import { isUniqueViolation } from "./ids";
import { decrementRateCounter, deleteEndedRateCounters, incrementRateCounter, readRateCounter } from "./store/rate-counters";
import { deleteExpiredSeenDeviceRequests } from "./store/seen-device-requests";

export type ThrottleLimits = { perAddress: number; perSubject: number; windowMs: number };

const limits: Record<"activation" | "token", ThrottleLimits> = {
  activation: { perAddress: 10, perSubject: 30, windowMs: 60_000 },
  token: { perAddress: 10, perSubject: 10, windowMs: 60_000 },
};

/** For tests: other bounds (returns the previous ones). */
export function configureThrottle(scope: keyof typeof limits, changes: Partial<ThrottleLimits>): ThrottleLimits {
  const previous = { ...limits[scope] };
  Object.assign(limits[scope], changes);
  return previous;
}

let braked = { delayMs: 1000 };

/** How long a 429 of the brakes is held back (tests shorten it). */
export function configureBrakeDelay(delayMs: number): number {
  const previous = braked.delayMs;
  braked = { delayMs };
  return previous;
}

export const brakeDelay = () => new Promise<void>((resolve) => setTimeout(resolve, braked.delayMs));

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts from this address or for this account: try again in ${retryAfterSeconds} s.`);
  }
}

type Window = { key: string; end: number };

function windowOf(scope: string, kind: "address" | "subject", subject: string, windowMs: number, now: number): Window {
  const start = now - (now % windowMs);
  // A client id is whatever the caller sent: a long one is keyed by its hash.
  const name = subject.length > 80 ? createHash("sha256").update(subject).digest("hex") : subject;
  return { key: `${scope}:${kind}:${name}:${start}`, end: start + windowMs };
}

async function increment(window: Window): Promise<number> {
  const write = () => incrementRateCounter(window.key, new Date(window.end));
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return await write(); // another process created the row first: now it is an update
  }
}

async function count(window: Window): Promise<number> {
  return readRateCounter(window.key);
}

const release = (window: Window) => decrementRateCounter(window.key);

const retryAfter = (window: Window, now: number) => Math.max(1, Math.ceil((window.end - now) / 1000));

/**
 * Runs `attempt` (an activation with a code) under the brake. `isWrongCode` tells a wrong guess
 * from any other refusal; only wrong guesses keep their place in the window.
 */
export async function guardActivation<T>(input: { address: string; accountId: string }, attempt: () => Promise<T>, isWrongCode: (error: unknown) => boolean): Promise<T> {
  const { perAddress, perSubject, windowMs } = limits.activation;
  const now = Date.now();
  const address = windowOf("activation", "address", input.address, windowMs, now);
  const account = windowOf("activation", "subject", input.accountId, windowMs, now);
  const mine = await increment(address);
  if (mine > perAddress) throw new TooManyAttempts(retryAfter(address, now));
  if (mine > 1 && (await count(account)) >= perSubject) throw new TooManyAttempts(retryAfter(account, now));
  try {
    const result = await attempt();
    await release(address);
    return result;
  } catch (error) {
    if (isWrongCode(error)) await increment(account);
    else await release(address);
    throw error;
  }
}

/** Before a secret is checked: refuses an address (or, for an address that failed before, a client) past its bound. */
export async function assertTokenAttemptAllowed(input: { address: string; clientId: string }): Promise<void> {
  const { perAddress, perSubject, windowMs } = limits.token;
  const now = Date.now();
  const address = windowOf("token", "address", input.address, windowMs, now);
  const failedHere = await count(address);
  if (failedHere >= perAddress) throw new TooManyAttempts(retryAfter(address, now));
  if (failedHere === 0) return;
  const client = windowOf("token", "subject", input.clientId, windowMs, now);
  if ((await count(client)) >= perSubject) throw new TooManyAttempts(retryAfter(client, now));
}

export async function recordTokenFailure(input: { address: string; clientId: string }): Promise<void> {
  const { windowMs } = limits.token;
  const now = Date.now();
  await increment(windowOf("token", "address", input.address, windowMs, now));
  await increment(windowOf("token", "subject", input.clientId, windowMs, now));
}

/** Drops windows that ended (called by the background sweep). */
export async function purgeEndedWindows(now = new Date()): Promise<void> {
  await deleteEndedRateCounters(now);
  await deleteExpiredSeenDeviceRequests(now);
}
