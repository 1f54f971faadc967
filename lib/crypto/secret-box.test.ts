import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, parseKey, seal, SecretBoxError } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips a secret and never stores the plaintext", () => {
    const sealed = seal("client-secret-123", key);
    expect(sealed).not.toContain("client-secret-123");
    expect(open(sealed, key)).toBe("client-secret-123");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", key)).not.toBe(seal("same", key));
  });

  it("refuses another key and a tampered ciphertext", () => {
    const sealed = seal("secret", key);
    expect(() => open(sealed, randomBytes(32))).toThrow(SecretBoxError);
    const parts = sealed.split(":");
    const body = Buffer.from(parts[2], "base64url");
    body[0] ^= 1;
    parts[2] = body.toString("base64url");
    expect(() => open(parts.join(":"), key)).toThrow(SecretBoxError);
  });

  it("refuses a shortened authentication tag", () => {
    const parts = seal("secret", key).split(":");
    parts[3] = Buffer.from(parts[3], "base64url").subarray(0, 4).toString("base64url");
    expect(() => open(parts.join(":"), key)).toThrow(SecretBoxError);
  });

  it("accepts 64 hex digits or base64 keys of 32 bytes only", () => {
    expect(parseKey("ab".repeat(32))).toHaveLength(32);
    expect(parseKey(randomBytes(32).toString("base64"))).toHaveLength(32);
    expect(() => parseKey("short")).toThrow(SecretBoxError);
  });
});
