import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64UrlToBytes } from "./base64url";
import { exportPublicJwk, generateDeviceKeyPair, signText } from "./device-keys";

describe("device keys", () => {
  it("makes a P-256 pair whose private key cannot be exported", async () => {
    const pair = await generateDeviceKeyPair();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("jwk", pair.privateKey)).rejects.toThrow();
  });

  it("exports only kty, crv, x and y of the public key", async () => {
    const jwk = await exportPublicJwk((await generateDeviceKeyPair()).publicKey);
    expect(Object.keys(jwk).sort()).toEqual(["crv", "kty", "x", "y"]);
    expect(jwk).toMatchObject({ kty: "EC", crv: "P-256" });
    expect(base64UrlToBytes(jwk.x)).toHaveLength(32);
  });

  it("signs as raw r||s in base64url that node verifies with ieee-p1363", async () => {
    const pair = await generateDeviceKeyPair();
    const signature = await signText(pair.privateKey, "activate:0123456789");
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/);
    const bytes = base64UrlToBytes(signature);
    expect(bytes).toHaveLength(64);
    const publicKey = createPublicKey({ key: await exportPublicJwk(pair.publicKey), format: "jwk" });
    const data = Buffer.from("activate:0123456789");
    expect(verify("sha256", data, { key: publicKey, dsaEncoding: "ieee-p1363" }, bytes)).toBe(true);
    expect(verify("sha256", Buffer.from("activate:9999999999"), { key: publicKey, dsaEncoding: "ieee-p1363" }, bytes)).toBe(false);
  });
});
