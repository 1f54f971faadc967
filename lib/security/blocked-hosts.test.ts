import { describe, expect, it } from "vitest";

describe("IPv4-mapped IPv6", () => {
  it("sees the metadata address behind both spellings", async () => {
    const { blockedHostReason } = await import("./blocked-hosts");
    const hostOf = (url: string) => new URL(url).hostname;
    expect(blockedHostReason(hostOf("http://[::ffff:169.254.169.254]/"))).toMatch(/metadata/);
    expect(blockedHostReason("[::ffff:a9fe:a9fe]")).toMatch(/metadata/);
    expect(blockedHostReason("::ffff:a9fe:1")).toMatch(/link-local/);
    expect(blockedHostReason("::ffff:7f00:1")).toBeNull(); // 127.0.0.1 stays allowed
  });
});
