import { afterEach, describe, expect, it, vi } from "vitest";
import { configProblems, exitOnInvalidConfig, settings } from "./config";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("configProblems", () => {
  it("accepts an empty environment (every setting has a default) and a good one", () => {
    expect(configProblems({})).toEqual([]);
    expect(
      configProblems({
        PORT: "3000",
        DATABASE_URL: "postgresql://u:p@db/console",
        CONSOLE_ENCRYPTION_KEY: "ab".repeat(32),
        ADMIN_EMAIL: "admin@example.test",
        ADMIN_PASSWORD: "long-enough-password",
        EMULATOR_ENABLED: "false",
        TRUST_PROXY: "true",
        NEXTAUTH_URL: "https://console.example.test",
      }),
    ).toEqual([]);
    expect(configProblems({ CONSOLE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toEqual([]);
  });

  it("names each wrong variable with what it expects", () => {
    expect(
      configProblems({
        PORT: "70000",
        DATABASE_URL: "mysql://db",
        CONSOLE_ENCRYPTION_KEY: "short",
        EMULATOR_ENABLED: "no",
        ADMIN_EMAIL: "admin@example.test",
        ADMIN_PASSWORD: "short",
        TRUST_PROXY: "sometimes",
        NEXTAUTH_URL: "console.example.test",
      }),
    ).toEqual([
      "PORT: must be 1–65535",
      "DATABASE_URL: must start with file:, postgres:// or postgresql://",
      "CONSOLE_ENCRYPTION_KEY: must be 64 hex digits or base64 of 32 bytes",
      "ADMIN_PASSWORD: at least 10 characters",
      "NEXTAUTH_URL: must be the console's public URL, http:// or https://",
      "EMULATOR_ENABLED: true or false",
      "TRUST_PROXY: true, false, the number of proxies in front (0–9), or their addresses (10.0.0.1, 10.0.0.0/8, …)",
    ]);
    expect(configProblems({ ADMIN_EMAIL: "admin@example.test" })).toEqual(["ADMIN_PASSWORD: set ADMIN_EMAIL and ADMIN_PASSWORD together"]);
    expect(configProblems({ PASSWORD_SIGNIN: "perhaps" })).toEqual([expect.stringMatching(/^Sign-in settings: PASSWORD_SIGNIN must be true or false/)]);
  });

  it("at start, logs one message naming every wrong variable and exits non-zero", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    exitOnInvalidConfig({ PORT: "0", EMULATOR_ENABLED: "maybe" });
    expect(exit).toHaveBeenCalledWith(1);
    expect(stderr).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(stderr.mock.calls[0][0]));
    expect(line).toMatchObject({ level: "error", problems: ["PORT: must be 1–65535", "EMULATOR_ENABLED: true or false"] });
    expect(line.message).toContain("PORT: must be 1–65535; EMULATOR_ENABLED: true or false");
  });
});

describe("settings", () => {
  it("reads typed values with their defaults, and sees a changed variable on the next call", () => {
    vi.stubEnv("MAX_BODY_BYTES", "");
    vi.stubEnv("EMULATOR_ENABLED", "");
    expect(settings()).toMatchObject({ MAX_BODY_BYTES: 65536, EMULATOR_ENABLED: true, SESSION_MAX_HOURS: 8 });
    vi.stubEnv("MAX_BODY_BYTES", "2048");
    vi.stubEnv("EMULATOR_ENABLED", "FALSE");
    expect(settings()).toMatchObject({ MAX_BODY_BYTES: 2048, EMULATOR_ENABLED: false });
  });

  it("reads a value its rule refuses as the default (the start has already refused it)", () => {
    vi.stubEnv("MAX_BODY_BYTES", "12");
    expect(settings().MAX_BODY_BYTES).toBe(65536);
  });

  it("in a server (not under vitest) looks at the environment again at most once a second", async () => {
    vi.stubEnv("VITEST", undefined);
    vi.resetModules();
    const fresh = await import("./config");
    let now = 10_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    vi.stubEnv("MAX_BODY_BYTES", "2048");
    expect(fresh.settings().MAX_BODY_BYTES).toBe(2048);
    vi.stubEnv("MAX_BODY_BYTES", "4096");
    now += 999;
    expect(fresh.settings().MAX_BODY_BYTES).toBe(2048);
    now += 2;
    expect(fresh.settings().MAX_BODY_BYTES).toBe(4096);
  });
});
