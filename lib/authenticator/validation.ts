/** The app's input rules, shared by the forms and the request builders. */
import { z } from "zod";
import type { AppConfiguration, IdentityInput } from "@/lib/emulator/app-protocol";

/** Spaces (and dashes, which people type to group digits) are ignored. */
export function normalizeActivationCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function activationCodeError(input: string): string | null {
  const code = normalizeActivationCode(input);
  if (!code) return "Enter the activation code shown in the console.";
  if (!/^\d+$/.test(code)) return "The activation code has digits only.";
  if (code.length !== 10) return `The activation code has exactly 10 digits (this one has ${code.length}).`;
  return null;
}

export const DEVICE_NAME_MAX = 60;

export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, "Give this device a name.")
  .max(DEVICE_NAME_MAX, `The device name is at most ${DEVICE_NAME_MAX} characters.`)
  .refine((value) => !/[\u0000-\u001F\u007F<>]/.test(value), "The device name cannot hold < or > or control characters.");

/** The device name's problem in words, or null when it is fine (1–60 characters after trimming). */
export function deviceNameError(input: string): string | null {
  const result = deviceNameSchema.safeParse(input);
  return result.success ? null : (result.error.issues[0]?.message ?? "Enter a device name.");
}

export const appConfigurationSchema = z.object({
  applicationId: z.string().trim().min(1, "Enter the application id."),
  publicKey: z.string().trim().min(1, "Enter the public key."),
  serverUrl: z
    .string()
    .trim()
    .min(1, "Enter the server URL.")
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), "Enter a full URL starting with http:// or https://.")
    .transform((value) => value.replace(/\/+$/, "")),
});

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function validateAppConfiguration(input: unknown): { ok: true; value: AppConfiguration } | { ok: false; errors: FieldErrors<keyof AppConfiguration> } {
  const result = appConfigurationSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: firstIssuePerField(result.error.issues) };
}

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD.`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, `Enter a real ${label}.`);

const namePart = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(60, `The ${label} is at most 60 characters.`)
    .regex(/^[\p{L}][\p{L}' -]*$/u, `The ${label} has letters, spaces, hyphens and apostrophes only.`)
    .transform((value) => value.toUpperCase());

export const identityInputSchema = z
  .object({
    firstName: namePart("first name"),
    lastName: namePart("last name"),
    dateOfBirth: isoDate("date of birth").refine((value) => value < new Date().toISOString().slice(0, 10), "The date of birth must be in the past."),
    gender: z.enum(["F", "M", "X"], { message: "Choose F, M or X." }),
    nationality: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, "Enter a 3-letter country code (ISO 3166 alpha-3), e.g. NOR.")),
    documentNumber: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{5,20}$/, "Enter 5 to 20 letters or digits.")),
    dateOfExpiry: isoDate("expiry date"),
  })
  .refine((value) => value.dateOfExpiry > value.dateOfBirth, { path: ["dateOfExpiry"], message: "The expiry date must be after the date of birth." });

export function validateIdentityInput(input: Record<keyof IdentityInput, string>): { ok: true; value: IdentityInput } | { ok: false; errors: FieldErrors<keyof IdentityInput> } {
  const result = identityInputSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: firstIssuePerField(result.error.issues) };
}

function firstIssuePerField<K extends string>(issues: z.core.$ZodIssue[]): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "") as K;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
