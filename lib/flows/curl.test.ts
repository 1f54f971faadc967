import { describe, expect, it } from "vitest";
import { curlFor, relativePath } from "./curl";

const start = {
  method: "POST",
  url: "http://127.0.0.1:3000/emulator/reuseid/id-onboardings?signicat-accountid=a1",
  requestBody: '{\n  "externalRef": "it\'s me"\n}',
  status: 200,
  createdAt: "2026-01-01T00:00:00Z",
};
const token = {
  method: "POST",
  url: "http://127.0.0.1:3000/emulator/auth/open/connect/token",
  requestBody: "grant_type=client_credentials&client_secret=%5Bredacted%5D",
  status: 200,
  createdAt: "2026-01-01T00:00:00Z",
};

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
    expect(cmd).toContain("client_secret=${CLIENT_SECRET}");
    expect(cmd).not.toContain("redacted");
  });
});
