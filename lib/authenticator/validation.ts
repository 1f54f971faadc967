/**
 * The app's input rules, shared by the forms and the request builders. Hand-written rather than
 * zod schemas: this module is in the first load of /authenticator, a page phones open on a mobile
 * network, and zod alone would be about 30 kB of it. Each field reports its first problem, in the
 * order the checks are listed.
 */
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

/** The device name's problem in words, or null when it is fine (1–60 characters after trimming). */
export function deviceNameError(input: string): string | null {
  const value = input.trim();
  if (value.length < 1) return "Give this device a name.";
  if (value.length > DEVICE_NAME_MAX) return `The device name is at most ${DEVICE_NAME_MAX} characters.`;
  if (/[\u0000-\u001F\u007F<>]/.test(value)) return "The device name cannot hold < or > or control characters.";
  return null;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** A field's rule: its problem, or its value (trimmed, and otherwise as the rule normalizes it). */
type Rule = (value: string) => { error: string } | { value: string };

function validateFields<K extends string>(input: unknown, rules: Record<K, Rule>): { ok: true; value: Record<K, string> } | { ok: false; errors: FieldErrors<K> } {
  const record = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  const errors: FieldErrors<K> = {};
  const value = {} as Record<K, string>;
  let ok = record !== null;
  for (const field of Object.keys(rules) as K[]) {
    const raw = record?.[field];
    const result = typeof raw === "string" ? rules[field](raw) : { error: "Invalid input: expected string" };
    if ("error" in result) {
      errors[field] = result.error;
      ok = false;
    } else value[field] = result.value;
  }
  return ok ? { ok: true, value } : { ok: false, errors };
}

const required =
  (message: string, ...checks: [test: (value: string) => boolean, message: string][]): Rule =>
  (input) => {
    const value = input.trim();
    if (value.length < 1) return { error: message };
    for (const [test, checkMessage] of checks) if (!test(value)) return { error: checkMessage };
    return { value };
  };

const APP_CONFIGURATION_RULES: Record<keyof AppConfiguration, Rule> = {
  applicationId: required("Enter the application id."),
  publicKey: required("Enter the public key."),
  serverUrl: (input) => {
    const checked = required("Enter the server URL.", [(value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), "Enter a full URL starting with http:// or https://."])(input);
    return "value" in checked ? { value: checked.value.replace(/\/+$/, "") } : checked;
  },
};

export function validateAppConfiguration(input: unknown): { ok: true; value: AppConfiguration } | { ok: false; errors: FieldErrors<keyof AppConfiguration> } {
  return validateFields(input, APP_CONFIGURATION_RULES);
}

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const isoDate = (label: string, ...more: [test: (value: string) => boolean, message: string][]): Rule =>
  required(`Enter the ${label}.`, [(value) => /^\d{4}-\d{2}-\d{2}$/.test(value), `Enter the ${label} as YYYY-MM-DD.`], [isRealDate, `Enter a real ${label}.`], ...more);

const namePart = (label: string): Rule => {
  const rule = required(
    `Enter the ${label}.`,
    [(value) => value.length <= 60, `The ${label} is at most 60 characters.`],
    [(value) => /^[\p{L}][\p{L}' -]*$/u.test(value), `The ${label} has letters, spaces, hyphens and apostrophes only.`],
  );
  return (input) => {
    const checked = rule(input);
    return "value" in checked ? { value: checked.value.toUpperCase() } : checked;
  };
};

/** Trimmed and upper-cased, then matched (an empty value gets the pattern's message). */
const upperCaseCode =
  (pattern: RegExp, message: string): Rule =>
  (input) => {
    const value = input.trim().toUpperCase();
    return pattern.test(value) ? { value } : { error: message };
  };

const IDENTITY_RULES: Record<keyof IdentityInput, Rule> = {
  firstName: namePart("first name"),
  lastName: namePart("last name"),
  dateOfBirth: isoDate("date of birth", [(value) => value < new Date().toISOString().slice(0, 10), "The date of birth must be in the past."]),
  gender: (value) => (value === "F" || value === "M" || value === "X" ? { value } : { error: "Choose F, M or X." }),
  nationality: upperCaseCode(/^[A-Z]{3}$/, "Enter a 3-letter country code (ISO 3166 alpha-3), e.g. NOR."),
  documentNumber: upperCaseCode(/^[A-Z0-9]{5,20}$/, "Enter 5 to 20 letters or digits."),
  dateOfExpiry: isoDate("expiry date"),
};

export function validateIdentityInput(input: Record<keyof IdentityInput, string>): { ok: true; value: IdentityInput } | { ok: false; errors: FieldErrors<keyof IdentityInput> } {
  const result = validateFields(input, IDENTITY_RULES);
  const errors: FieldErrors<keyof IdentityInput> = result.ok ? {} : result.errors;
  // The two dates are compared even when other fields have problems, as the form always did; only
  // a gender outside F, M and X (the form offers just those) skipped this check.
  if (!errors.gender && !errors.dateOfExpiry && !(String(input.dateOfExpiry ?? "").trim() > String(input.dateOfBirth ?? "").trim())) {
    errors.dateOfExpiry = "The expiry date must be after the date of birth.";
  }
  if (result.ok && !errors.dateOfExpiry) return { ok: true, value: result.value as IdentityInput };
  return { ok: false, errors };
}
