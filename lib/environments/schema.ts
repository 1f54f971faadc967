// The environment form's rules, shared by the page and the route handler.
import { z } from "zod";
import { blockedHostReason } from "@/lib/security/blocked-hosts";
import { ENVIRONMENT_KINDS, KIND_LABELS, type EnvironmentKind } from "./kinds";

/** signicat.com and its subdomains (not look-alikes such as signicat.com.example.net). */
const isSignicatHost = (hostname: string) => /(^|\.)signicat\.com\.?$/i.test(hostname);

/** The URL's host, or null when it is no URL: zod runs refinements after a failed .url(), and `new URL` would throw there. */
function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export { ENVIRONMENT_KINDS, KIND_LABELS, type EnvironmentKind };

const optionalText = z
  .string()
  .trim()
  .max(4000)
  .optional()
  .transform((v) => (v ? v : undefined));

export const environmentInput = z.object({
  name: z.string().trim().min(1, "Give the environment a name.").max(80, "Keep the name under 80 characters."),
  kind: z.enum(["sandbox", "production"], { message: "Choose sandbox or production." }),
  baseUrl: z
    .string()
    .trim()
    .url("Enter a full URL, e.g. https://api.signicat.com.")
    .refine((u) => /^https?:\/\//.test(u), "The URL must start with https:// (or http:// for a local emulator).")
    .refine((u) => !isSignicatHost(hostnameOf(u) ?? "") || u.startsWith("https://"), "Signicat is only reached over https.")
    .superRefine((u, ctx) => {
      const hostname = hostnameOf(u);
      const blocked = hostname === null ? null : blockedHostReason(hostname);
      if (blocked) ctx.addIssue({ code: "custom", message: `The console does not call this address: ${blocked}.` });
    })
    .transform((u) => u.replace(/\/+$/, "")),
  clientId: z.string().trim().min(1, "Enter the API client's id.").max(200),
  clientSecret: z.string().min(1, "Enter the API client's secret.").max(500),
  accountId: optionalText,
  appApplicationId: optionalText,
  appPublicKey: optionalText,
  appServerUrl: optionalText,
  /** The secret Signicat signs this account's events with (Dashboard > Settings > Events); empty keeps the stored one. */
  eventsSecret: z
    .string()
    .max(500, "Keep the events secret under 500 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type EnvironmentInput = z.infer<typeof environmentInput>;

/** Editing keeps the stored secret unless a new one is typed. */
export const environmentUpdate = environmentInput.extend({ clientSecret: z.string().max(500).optional() });
export type EnvironmentUpdate = z.infer<typeof environmentUpdate>;

/** Deleting asks for the environment's name, typed again. */
export const environmentDeletion = z.object({ confirmName: z.string().trim().min(1, "Type the environment's name to delete it.").max(80) });
