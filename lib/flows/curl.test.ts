import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { curlFor, flowScript, relativePath } from "./curl";

const start = { method: "POST", url: "http://127.0.0.1:3000/emulator/reuseid/id-onboardings?signicat-accountid=a1", requestBody: '{\n  "externalRef": "it\'s me"\n}', status: 200, createdAt: "2026-01-01T00:00:00Z" };
const token = { method: "POST", url: "http://127.0.0.1:3000/emulator/auth/open/connect/token", requestBody: "grant_type=client_credentials&client_secret=%5Bredacted%5D", status: 200, createdAt: "2026-01-01T00:00:00Z" };

describe("curl export", () => {
  it("replaces the base, the account and the token with variables", () => {
    expect(relativePath(start.url)).toBe("/reuseid/id-onboardings?signicat-accountid=${ACCOUNT_ID}");
    const cmd = curlFor(start);
    expect(cmd).toContain(`"\${SIGNICAT_BASE}"'/reuseid/id-onboardings?signicat-accountid='"\${ACCOUNT_ID}"`);
    expect(cmd).toContain('-H "Authorization: Bearer ${TOKEN}"');
    expect(cmd).toContain(`-d '{"externalRef":"it'\\''s me"}'`);
  });

  it("never carries a recorded secret, even a redacted one", () => {
    const cmd = curlFor(token);
    expect(cmd).toContain('client_secret=${CLIENT_SECRET}');
    expect(cmd).not.toContain("redacted");
  });

  it("writes a script that the shell parses", () => {
    const script = flowScript({ id: "f1", type: "onboarding", environmentName: "Local", baseUrl: "http://localhost:3000/emulator" }, [token, start]);
    expect(script.startsWith("#!/usr/bin/env bash")).toBe(true);
    expect(script.match(/curl -s/g)).toHaveLength(2); // the token request once, then the recorded call
    execFileSync("bash", ["-n"], { input: script });
  });
});

describe("curl export safety", () => {
  it("takes every recorded character literally, so a planted $(…) never runs", () => {
    const planted = { ...start, url: "https://evil.example/$(touch /tmp/reuseid-pwned)/reuseid/id-onboardings" };
    const script = flowScript({ id: "f1", type: "onboarding", environmentName: 'Evil\ntouch /tmp/reuseid-pwned', baseUrl: "https://evil.example/$(touch /tmp/reuseid-pwned)" }, [planted]);
    const shell = `curl() { printf '%s\\n' "$@"; }\nSIGNICAT_BASE=https://base CLIENT_ID=c CLIENT_SECRET=s\n${script.replace(/^set -euo pipefail$/m, "")}`;
    const out = execFileSync("bash", ["-c", shell], { encoding: "utf8" });
    expect(out).toContain("https://base/$(touch%20/tmp/reuseid-pwned)/reuseid/id-onboardings");
    expect(existsSync("/tmp/reuseid-pwned")).toBe(false);
  });
});
