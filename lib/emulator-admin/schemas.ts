/**
 * The emulator admin page's forms, shared by the forms (in the browser) and the console's
 * route handlers. lib/emulator's own schemas sit in modules that reach the database, so the
 * console-side shapes live here; the emulator still validates what it is given, and its
 * field-level refusals come back to the same form fields (see emulator-errors.ts).
 */
import { z } from "zod";

/** An empty text field means "not given". */
const optionalText = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

import { TOKEN_LIFETIME_SECONDS } from "./limits";

export { TOKEN_LIFETIME_SECONDS };

export const createClientForm = z
  .object({
    name: z.string("Give the client a name.").trim().min(1, "Give the client a name.").max(100, "At most 100 characters."),
    accountId: z.preprocess(optionalText, z.string().trim().optional()),
    newAccountName: z.preprocess(optionalText, z.string().trim().max(100, "At most 100 characters.").optional()),
    tokenLifetimeSeconds: z.coerce
      .number("Give the token lifetime in seconds.")
      .int("Use whole seconds.")
      .min(TOKEN_LIFETIME_SECONDS.min, "At least 1 second.")
      .max(TOKEN_LIFETIME_SECONDS.max, "At most 3600 seconds (one hour)."),
  })
  .superRefine((input, ctx) => {
    if (input.accountId && input.newAccountName) ctx.addIssue({ code: "custom", path: ["accountId"], message: "Pick an existing account or name a new one, not both." });
    if (!input.accountId && !input.newAccountName) ctx.addIssue({ code: "custom", path: ["newAccountName"], message: "Name the new account, or pick an existing one." });
  });

export type CreateClientForm = z.output<typeof createClientForm>;

export const subscriptionForm = z.object({
  url: z.url({ protocol: /^https?$/, error: "Give an http or https URL, e.g. https://example.test/webhooks." }).max(2000, "At most 2000 characters."),
  events: z.array(z.string(), "Pick at least one event.").min(1, "Pick at least one event."),
  secret: z.preprocess(optionalText, z.string().min(8, "At least 8 characters, or leave it empty to get a generated one.").max(256, "At most 256 characters.").optional()),
});

export type SubscriptionForm = z.output<typeof subscriptionForm>;

export const MAX_FAULT_PATHS = 50;

export const faultsForm = z.object({
  latencyMs: z.coerce.number("Give a number of milliseconds.").int("Use whole milliseconds.").min(0, "At least 0.").max(30_000, "At most 30000 ms (30 s)."),
  errorRatePercent: z.coerce.number("Give a percentage.").min(0, "At least 0 %.").max(100, "At most 100 %."),
  /** One path prefix or glob per line; none means every API call. */
  paths: z.union([z.string(), z.array(z.string())], "Give one path per line.").transform((value, ctx) => {
    const lines = (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean);
    const bad = lines.find((line) => !line.startsWith("/"));
    if (bad) ctx.addIssue({ code: "custom", message: `"${bad}" does not start with /. Write paths like /reuseid/* or /auth/*.` });
    else if (lines.length > MAX_FAULT_PATHS) ctx.addIssue({ code: "custom", message: `At most ${MAX_FAULT_PATHS} paths.` });
    else if (lines.some((line) => line.length > 200)) ctx.addIssue({ code: "custom", message: "A path has at most 200 characters." });
    return lines;
  }),
});

export type FaultsForm = z.output<typeof faultsForm>;

/** The emulator's PUT /simulator/faults body for a form's values. */
export const faultSettingsFor = (form: FaultsForm) => ({ latencyMs: form.latencyMs, errorRate: Math.round(form.errorRatePercent * 10) / 1000, paths: form.paths });

export const TABS = ["clients", "events", "faults"] as const;
export type EmulatorAdminTab = (typeof TABS)[number];
export const tabFrom = (value: unknown): EmulatorAdminTab => ((TABS as readonly unknown[]).includes(value) ? (value as EmulatorAdminTab) : "clients");
