// When the server-side watcher asks the API about a pending flow next. Often while a person is
// likely at the phone, less often as the flow ages, and never past the flow's expiry: an
// activation code lives 10 minutes, a started proofing 30 (signicat-contract.md), so a flow
// nobody finished is asked once more at its expiry, to see it end, and then left alone.

const ACTIVATION_LIFETIME_MS = 10 * 60_000;
const PROOFING_LIFETIME_MS = 30 * 60_000;
/** A little past an expiry, so the API has applied it when it is asked. */
const EXPIRY_GRACE_MS = 5_000;

/** [age up to, interval]: about every 1.5 s at first, slower later. */
const STEPS: [number, number][] = [
  [2 * 60_000, 1_500],
  [5 * 60_000, 3_000],
  [15 * 60_000, 10_000],
  [Infinity, 30_000],
];

export function checkInterval(ageMs: number): number {
  return STEPS.find(([upTo]) => ageMs < upTo)![1];
}

/** The last moment the watcher asks: the expiry of the step the flow waits for. */
export function watchDeadline(flow: { createdAt: Date }, deviceStepAt: Date | null): Date {
  const expiry = deviceStepAt ? deviceStepAt.getTime() + PROOFING_LIFETIME_MS : flow.createdAt.getTime() + ACTIVATION_LIFETIME_MS;
  return new Date(expiry + EXPIRY_GRACE_MS);
}

/** The next check after one at `now`, or null when the deadline was reached. */
export function nextCheckAt(flow: { createdAt: Date }, deviceStepAt: Date | null, now = new Date()): Date | null {
  const deadline = watchDeadline(flow, deviceStepAt);
  if (now.getTime() >= deadline.getTime()) return null;
  const next = now.getTime() + checkInterval(now.getTime() - flow.createdAt.getTime());
  return new Date(Math.min(next, deadline.getTime()));
}
