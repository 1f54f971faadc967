/**
 * Simulator faults (contract section 8), per account and stored in the database so every
 * console process applies them: `latencyMs` (0–30000) delays each matching call, `errorRate`
 * (0–1) answers that share of them with a real 500 `internal_error` in the API's error shape.
 * `paths` are prefixes ("/reuseid/") or globs ("/reuseid/*", "*" spans "/") under /emulator;
 * none means every API call. Decided: faults never touch /simulator, the app side or discovery;
 * the token endpoint only when a path names it explicitly (e.g. "/auth/*").
 * `expireNow: true` is an action, not a setting: every pending activation code, authentication
 * and proofing of the account expires at once.
 */
import { z } from "zod";
import { EMULATOR_BASE_PATH } from "./context";
import { EmulatorError } from "./http";
import { expireAccountNow } from "./lifecycle";
import { readFaultRow } from "./store/access";
import { deleteFaultSetting, saveFaultSetting } from "./store/faults";

export type FaultSettings = { latencyMs: number; errorRate: number; paths: string[] };

export const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, paths: [] };

const faultPath = z
  .string("must be a string")
  .min(1, "cannot be empty")
  .max(200, "must be at most 200 characters")
  .transform((p) => (p.startsWith(EMULATOR_BASE_PATH + "/") ? p.slice(EMULATOR_BASE_PATH.length) : p))
  .refine((p) => p.startsWith("/"), "must start with /");

export const faultsInput = z.object(
  {
    latencyMs: z.int("must be an integer").min(0, "must be at least 0").max(30_000, "must be at most 30000").optional(),
    errorRate: z.number("must be a number").min(0, "must be at least 0").max(1, "must be at most 1").optional(),
    paths: z.array(faultPath, "must be an array of path prefixes or globs").max(50, "must list at most 50 paths").optional(),
    expireNow: z.boolean("must be a boolean").optional(),
  },
  "must be a JSON object",
);

export type FaultsInput = z.input<typeof faultsInput>;

/** Read on every bearer request (applyFaults), so through the direct store. */
export async function getFaults(accountId: string): Promise<FaultSettings> {
  const row = await readFaultRow(accountId);
  return row ? { latencyMs: row.latencyMs, errorRate: row.errorRate, paths: row.paths } : { ...NO_FAULTS };
}

/** PUT semantics: the settings become exactly what is given (omitted ones reset to none). */
export async function setFaults(accountId: string, body: z.output<typeof faultsInput>): Promise<FaultSettings> {
  const settings: FaultSettings = { latencyMs: body.latencyMs ?? 0, errorRate: body.errorRate ?? 0, paths: body.paths ?? [] };
  await saveFaultSetting(accountId, settings);
  if (body.expireNow) await expireAccountNow(accountId);
  return settings;
}

export async function clearFaults(accountId: string): Promise<void> {
  await deleteFaultSetting(accountId);
}

function matches(pattern: string, pathname: string): boolean {
  if (!pattern.includes("*")) return pathname.startsWith(pattern);
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(pathname);
}

const isTokenPath = (pathname: string) => pathname.startsWith("/auth/");

/** Whether the account's faults cover this call (pathname relative to /emulator). */
export function faultApplies(settings: FaultSettings, pathname: string): boolean {
  if (settings.paths.length === 0) return !isTokenPath(pathname);
  return settings.paths.some((pattern) => (isTokenPath(pathname) ? pattern.startsWith("/auth") : true) && matches(pattern, pathname));
}

/** Waits the latency and maybe throws the injected error; `random` is there for tests. */
export async function applyFaults(accountId: string, pathname: string, random = Math.random): Promise<void> {
  await applyFaultSettings(await getFaults(accountId), pathname, random);
}

/**
 * The same with settings read already (a bearer request reads them with its client's standing):
 * undefined, with no promise made, when no fault covers the call, which is nearly always.
 */
export function applyFaultSettings(settings: FaultSettings, pathname: string, random = Math.random): Promise<void> | undefined {
  if ((settings.latencyMs === 0 && settings.errorRate === 0) || !faultApplies(settings, pathname)) return undefined;
  return injectFault(settings, random);
}

async function injectFault(settings: FaultSettings, random: () => number): Promise<void> {
  if (settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
  if (settings.errorRate > 0 && random() < settings.errorRate) {
    throw new EmulatorError(500, "internal_error", "Injected fault: a fault set for this path (with PUT /simulator/faults or the console's Emulator page) made this call fail.");
  }
}
