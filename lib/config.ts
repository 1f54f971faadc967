// Settings read from the environment, in one place: every variable the console reads, its rule
// and its default; typed getters parsed once per distinct environment (read-through, so a test
// that stubs a variable sees it on the next call); and the check at start that every variable is
// well-formed (one message naming each wrong one). This is the only module that reads process.env:
// a test (lib/config-readers.test.ts) fails when another one does.
import { z } from "zod";
import { readSignInSettings, SignInConfigError } from "@/lib/auth/oidc";
import { log } from "@/lib/log";
import { validTrustProxy } from "@/lib/security/proxy-trust";

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment as it is now. Modules that parse a whole set of variables themselves (sign-in
 * settings, proxy trust, cross-site origins, the emulator's public origin) take it as their
 * default argument, so their tests can hand them any record instead.
 */
export function environment(): Env {
  return process.env;
}

/** The documented development secret: the emulator accepts it only from loopback callers. */
export const DOCUMENTED_EMULATOR_SECRET = "emulator-secret";

export const emulatorClient = () => ({
  clientId: settings().EMULATOR_CLIENT_ID,
  clientSecret: settings().EMULATOR_CLIENT_SECRET,
});

/** True while EMULATOR_CLIENT_SECRET is unset or the documented default. */
export const emulatorSecretIsDocumentedDefault = () => emulatorClient().clientSecret === DOCUMENTED_EMULATOR_SECRET;

/** EMULATOR_ENABLED=false switches the embedded emulator off (its routes answer 404). */
export const emulatorEnabled = () => settings().EMULATOR_ENABLED;

export const LOCAL_EMULATOR_NAME = "Local emulator";

const intIn = (min: number, max: number, message: string) => z.string().refine((v) => /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max, message);
const httpUrl = (message: string) => z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), message);

const KEY_MESSAGE = "must be 64 hex digits or base64 of 32 bytes";
const isKey = (v: string) => /^[\da-f]{64}$/i.test(v.trim()) || (/^[A-Za-z\d+/]+={0,2}$/.test(v.trim()) && Buffer.from(v.trim(), "base64").length === 32);

const int = (v: string) => Number(v.trim());
const bool = (v: string) => v.trim().toLowerCase() === "true";
const trueOrFalse = z.string().refine((v) => /^(true|false)$/i.test(v.trim()), "true or false");
const anyText = z.string();

type Setting<T> = { rule: z.ZodType<string>; read: (value: string) => T; fallback: T };
const setting = <T>(rule: z.ZodType<string>, read: (value: string) => T, fallback: T): Setting<T> => ({ rule, read, fallback });
const optional = (rule: z.ZodType<string>) => setting<string | undefined>(rule, (v) => v, undefined);

/**
 * Every variable the console reads: the rule a set value must pass, how it is read, and its
 * default. Unset (or empty) is always allowed. PASSWORD_SIGNIN and OIDC_* are read and checked
 * by lib/auth/oidc.ts (readSignInSettings), TRUST_PROXY's meaning by lib/security/proxy-trust.ts.
 */
const SETTINGS = {
  PORT: setting(intIn(1, 65535, "must be 1–65535"), int, 3000),
  DATABASE_URL: setting(
    z.string().refine((v) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), "must start with file:, postgres:// or postgresql://"),
    (v) => v,
    "file:./.data/console.db",
  ),
  CONSOLE_ENCRYPTION_KEY: optional(z.string().refine(isKey, KEY_MESSAGE)),
  CONSOLE_KEY_FILE: setting(z.string().trim().min(1, "must be a file path"), (v) => v, ".data/encryption.key"),
  ADMIN_EMAIL: optional(z.string().refine((v) => z.email().safeParse(v.trim()).success, "must be an email address")),
  ADMIN_PASSWORD: optional(z.string().min(10, "at least 10 characters")),
  NEXTAUTH_SECRET: optional(z.string().min(32, "at least 32 characters")),
  NEXTAUTH_URL: optional(httpUrl("must be the console's public URL, http:// or https://")),
  EMULATOR_ENABLED: setting(trueOrFalse, (v) => v.trim().toLowerCase() !== "false", true),
  EMULATOR_CLIENT_ID: setting(z.string().trim().min(1, "must not be blank"), (v) => v, "emulator-client"),
  EMULATOR_CLIENT_SECRET: setting(z.string().min(12, "at least 12 characters"), (v) => v, DOCUMENTED_EMULATOR_SECRET),
  EMULATOR_INTERNAL_URL: optional(httpUrl("must be an http:// or https:// URL ending in /emulator")),
  EMULATOR_WEBHOOKS_ALLOW_PRIVATE: setting(trueOrFalse, bool, false),
  EMULATOR_EVENT_BACKOFF_MS: setting(intIn(1, 3_600_000, "must be milliseconds, 1–3600000"), int, 1000),
  TRUST_PROXY: optional(z.string().refine(validTrustProxy, "true, false, the number of proxies in front (0–9), or their addresses (10.0.0.1, 10.0.0.0/8, …)")),
  MAX_BODY_BYTES: setting(intIn(1024, 10 * 1024 * 1024, "must be bytes, 1024–10485760"), int, 64 * 1024),
  SIGNIN_MAX_FAILURES: setting(intIn(1, 1000, "must be 1–1000"), int, 5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: setting(intIn(1, 10000, "must be 1–10000"), int, 20),
  SIGNIN_ACCOUNT_MAX_FAILURES: setting(intIn(1, 100000, "must be 1–100000"), int, 50),
  SIGNIN_ACCOUNT_MIN_ADDRESSES: setting(intIn(1, 1000, "must be 1–1000"), int, 5),
  SIGNIN_WINDOW_MINUTES: setting(intIn(1, 1440, "must be minutes, 1–1440"), int, 15),
  SIGNIN_LOCKOUT_MINUTES: setting(intIn(1, 1440, "must be minutes, 1–1440"), int, 15),
  SESSION_MAX_HOURS: setting(intIn(1, 720, "must be hours, 1–720"), int, 8),
  SESSION_IDLE_MINUTES: setting(intIn(1, 1440, "must be minutes, 1–1440"), int, 30),
  LOG_LEVEL: setting<"debug" | "info" | "warn" | "error" | undefined>(
    z.string().refine((v) => /^(debug|info|warn|error)$/i.test(v.trim()), "debug, info, warn or error"),
    (v) => v.trim().toLowerCase() as "debug" | "info" | "warn" | "error",
    undefined,
  ),
  // Unchecked: switches for development and the tests, any value.
  DEBUG: setting(anyText, () => true, false),
  LOG_SQL: setting(anyText, (v) => v === "1", false),
  RESPONSE_LOG_FILE: optional(anyText),
  NODE_ENV: optional(anyText),
} satisfies Record<string, Setting<unknown>>;

type SettingName = keyof typeof SETTINGS;
export type Settings = { readonly [K in SettingName]: (typeof SETTINGS)[K]["fallback"] };

const NAMES = Object.keys(SETTINGS) as SettingName[];
let parsed: { key: string; value: Settings; readAt: number } | undefined;

/**
 * Under vitest every call looks at the environment (a test's vi.stubEnv is seen at once); a
 * server looks again at most once a second. Reading some 45 variables was a third of the
 * emulator's CPU per request, called a dozen times each, for an environment that does not change.
 */
const READ_THROUGH = process.env.VITEST !== undefined;
const REREAD_MS = 1000;

/**
 * The typed settings, parsed once per distinct environment. A value that breaks its rule reads
 * as its default here; exitOnInvalidConfig() has refused to start with it.
 */
export function settings(): Settings {
  const now = performance.now();
  if (parsed && !READ_THROUGH && now - parsed.readAt < REREAD_MS) return parsed.value;
  const env = environment();
  const key = NAMES.map((name) => env[name] ?? "").join("\u0000");
  if (parsed?.key === key) {
    parsed.readAt = now;
    return parsed.value;
  }
  const value = Object.fromEntries(
    NAMES.map((name) => {
      const { rule, read, fallback } = SETTINGS[name] as Setting<unknown>;
      const raw = env[name];
      return [name, raw === undefined || raw === "" || !rule.safeParse(raw).success ? fallback : read(raw)];
    }),
  ) as Settings;
  parsed = { key, value, readAt: now };
  return value;
}

/** Forgets the parsed settings; settings() reads the environment afresh anyway when it changed. */
export function resetConfigForTests(): void {
  parsed = undefined;
}

/**
 * Without NEXTAUTH_URL next-auth would assume http://localhost:3000; the console serves on any
 * port, so it takes the origin from the request instead (next-auth reads AUTH_TRUST_HOST itself).
 */
export function trustAuthHostWithoutPublicUrl(): void {
  if (!settings().NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
}

/** "NAME: what is expected" for each wrong variable; empty when all are fine. */
export function configProblems(env: Env = environment()): string[] {
  const problems: string[] = [];
  for (const name of NAMES) {
    const { rule } = SETTINGS[name] as Setting<unknown>;
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
export function exitOnInvalidConfig(env: Env = environment()): void {
  const problems = configProblems(env);
  if (problems.length === 0) return;
  log.error(`The console cannot start: ${problems.length === 1 ? "a setting is" : "some settings are"} wrong. ${problems.join("; ")}`, { problems });
  process.exit(1);
}
