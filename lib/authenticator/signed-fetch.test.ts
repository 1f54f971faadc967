import { createHash, createPublicKey, verify } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { base64UrlToBytes } from "./base64url";
import { exportPublicJwk, generateDeviceKeyPair } from "./device-keys";
import { canonicalRequestString, deviceSignatureHeaders, sha256Hex, signedFetch } from "./signed-fetch";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("canonical request string", () => {
  it("joins method, path, timestamp and body hash with newlines", () => {
    expect(canonicalRequestString("post", "/emulator/encore/encap/proofings/p1", "1700000000000", "ab")).toBe("POST\n/emulator/encore/encap/proofings/p1\n1700000000000\nab");
  });

  it("hashes bodies as lowercase SHA-256 hex, the empty body included", async () => {
    expect(await sha256Hex("")).toBe(EMPTY_SHA256);
    expect(await sha256Hex('{"outcome":"accepted"}')).toBe(createHash("sha256").update('{"outcome":"accepted"}').digest("hex"));
  });
});

describe("device signature headers", () => {
  it("sign the path (not the query or host) and the body hash", async () => {
    const pair = await generateDeviceKeyPair();
    const body = '{"outcome":"accepted","docType":138}';
    const headers = await deviceSignatureHeaders(
      { deviceId: "dev-1", privateKey: pair.privateKey },
      { method: "post", url: "http://localhost:3302/emulator/encore/encap/proofings/p-9?x=1", body },
      1_700_000_000_000,
    );
    expect(headers["X-Device-Id"]).toBe("dev-1");
    expect(headers["X-Device-Timestamp"]).toBe("1700000000000");
    const expected = `POST\n/emulator/encore/encap/proofings/p-9\n1700000000000\n${createHash("sha256").update(body).digest("hex")}`;
    const key = createPublicKey({ key: await exportPublicJwk(pair.publicKey), format: "jwk" });
    const signature = base64UrlToBytes(headers["X-Device-Signature"]);
    expect(verify("sha256", Buffer.from(expected), { key, dsaEncoding: "ieee-p1363" }, signature)).toBe(true);
  });
});

describe("signedFetch", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends the device headers with an empty-body hash on GET", async () => {
    const pair = await generateDeviceKeyPair();
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    await signedFetch({ deviceId: "dev-2", privateKey: pair.privateKey }, "http://h/emulator/encore/encap/devices/dev-2");
    const init = fetchMock.mock.calls[0][1];
    const headers = init.headers as Record<string, string>;
    expect(init.method).toBe("GET");
    const key = createPublicKey({ key: await exportPublicJwk(pair.publicKey), format: "jwk" });
    const signed = `GET\n/emulator/encore/encap/devices/dev-2\n${headers["X-Device-Timestamp"]}\n${EMPTY_SHA256}`;
    expect(verify("sha256", Buffer.from(signed), { key, dsaEncoding: "ieee-p1363" }, base64UrlToBytes(headers["X-Device-Signature"]))).toBe(true);
  });
});
