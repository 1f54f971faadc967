// Settings read from the environment: the embedded defaults a fresh clone runs on, and the check
// at start that every variable the console reads is well-formed (one message naming each wrong one).
import { z } from "zod";
import { readSignInSettings, SignInConfigError } from "@/lib/auth/oidc";
import { log } from "@/lib/log";
import { validTrustProxy } from "@/lib/security/proxy-trust";

/** The documented development secret: the emulator accepts it only from loopback callers. */
export const DOCUMENTED_EMULATOR_SECRET = "emulator-secret";

export const emulatorClient = () => ({
  clientId: process.env.EMULATOR_CLIENT_ID || "emulator-client",
  clientSecret: process.env.EMULATOR_CLIENT_SECRET || DOCUMENTED_EMULATOR_SECRET,
});

/** True while EMULATOR_CLIENT_SECRET is unset or the documented default. */
export const emulatorSecretIsDocumentedDefault = () => emulatorClient().clientSecret === DOCUMENTED_EMULATOR_SECRET;

/** EMULATOR_ENABLED=false switches the embedded emulator off (its routes answer 404). */
export const emulatorEnabled = () => process.env.EMULATOR_ENABLED?.trim().toLowerCase() !== "false";

export const LOCAL_EMULATOR_NAME = "Local emulator";

const intIn = (min: number, max: number, message: string) =>
  z.string().refine((v) => /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max, message);
const httpUrl = (message: string) => z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), message);

const KEY_MESSAGE = "must be 64 hex digits or base64 of 32 bytes";
const isKey = (v: string) => /^[\da-f]{64}$/i.test(v.trim()) || (/^[A-Za-z\d+/]+={0,2}$/.test(v.trim()) && Buffer.from(v.trim(), "base64").length === 32);

/** Every variable the console reads, with what it expects. Unset (or empty) is always allowed: each has a default. */
const RULES: Record<string, z.ZodType<string>> = {
  PORT: intIn(1, 65535, "must be 1–65535"),
  DATABASE_URL: z.string().refine((v) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), "must start with file:, postgres:// or postgresql://"),
  CONSOLE_ENCRYPTION_KEY: z.string().refine(isKey, KEY_MESSAGE),
  CONSOLE_KEY_FILE: z.string().trim().min(1, "must be a file path"),
  ADMIN_EMAIL: z.string().refine((v) => z.email().safeParse(v.trim()).success, "must be an email address"),
  ADMIN_PASSWORD: z.string().min(10, "at least 10 characters"),
  NEXTAUTH_SECRET: z.string().min(32, "at least 32 characters"),
  NEXTAUTH_URL: httpUrl("must be the console's public URL, http:// or https://"),
  EMULATOR_ENABLED: z.string().refine((v) => /^(true|false)$/i.test(v.trim()), "true or false"),
  EMULATOR_CLIENT_ID: z.string().trim().min(1, "must not be blank"),
  EMULATOR_CLIENT_SECRET: z.string().min(12, "at least 12 characters"),
  EMULATOR_INTERNAL_URL: httpUrl("must be an http:// or https:// URL ending in /emulator"),
  EMULATOR_WEBHOOKS_ALLOW_PRIVATE: z.string().refine((v) => /^(true|false)$/i.test(v.trim()), "true or false"),
  EMULATOR_EVENT_BACKOFF_MS: intIn(1, 3_600_000, "must be milliseconds, 1–3600000"),
  TRUST_PROXY: z.string().refine(validTrustProxy, "true, false, the number of proxies in front (0–9), or their addresses (10.0.0.1, 10.0.0.0/8, …)"),
  MAX_BODY_BYTES: intIn(1024, 10 * 1024 * 1024, "must be bytes, 1024–10485760"),
  SIGNIN_MAX_FAILURES: intIn(1, 1000, "must be 1–1000"),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: intIn(1, 10000, "must be 1–10000"),
  SIGNIN_ACCOUNT_MAX_FAILURES: intIn(1, 100000, "must be 1–100000"),
  SIGNIN_ACCOUNT_MIN_ADDRESSES: intIn(1, 1000, "must be 1–1000"),
  SIGNIN_WINDOW_MINUTES: intIn(1, 1440, "must be minutes, 1–1440"),
  SIGNIN_LOCKOUT_MINUTES: intIn(1, 1440, "must be minutes, 1–1440"),
  SESSION_MAX_HOURS: intIn(1, 720, "must be hours, 1–720"),
  LOG_LEVEL: z.string().refine((v) => /^(debug|info|warn|error)$/i.test(v.trim()), "debug, info, warn or error"),
};

/** "NAME: what is expected" for each wrong variable; empty when all are fine. */
export function configProblems(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(RULES)) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    const result = rule.safeParse(value);
    if (!result.success) problems.push(`${name}: ${result.error.issues[0].message}`);
  }
  if (!!env.ADMIN_EMAIL !== !!env.ADMIN_PASSWORD) problems.push(`${env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"}: set ADMIN_EMAIL and ADMIN_PASSWORD together`);
  try {
    readSignInSettings(env); // PASSWORD_SIGNIN and OIDC_*: checked where they are read
  } catch (error) {
    if (!(error instanceof SignInConfigError)) throw error;
    problems.push(error.message);
  }
  return problems;
}

/** At start: on any wrong variable, says which and what each expects, and ends the process. */
export function exitOnInvalidConfig(env: Record<string, string | undefined> = process.env): void {
  const problems = configProblems(env);
  if (problems.length === 0) return;
  log.error(`The console cannot start: ${problems.length === 1 ? "a setting is" : "some settings are"} wrong. ${problems.join("; ")}`, { problems });
  process.exit(1);
}
