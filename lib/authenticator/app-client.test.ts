import { createPublicKey, verify } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerAuthentication, removeDevice, renameDevice } from "./app-client";
import { base64UrlToBytes } from "./base64url";
import { exportPublicJwk, generateDeviceKeyPair } from "./device-keys";
import { AppRequestError } from "./http";

const SERVER = "http://h/emulator/encore/encap";

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("answering an authentication", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("approves with an ECDSA signature over authenticate:<id>:<challenge>", async () => {
    const pair = await generateDeviceKeyPair();
    const fetchMock = stubFetch(() => Response.json({ state: "COMPLETED" }));
    const result = await answerAuthentication(SERVER, { deviceId: "d1", privateKey: pair.privateKey }, { authenticationId: "a1", challenge: "c-9" }, "approve");
    expect(result).toEqual({ state: "COMPLETED" });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`${SERVER}/authentications/a1`);
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>)["X-Device-Id"]).toBe("d1");
    const body = JSON.parse(init.body as string);
    expect(body.decision).toBe("approve");
    const key = createPublicKey({ key: await exportPublicJwk(pair.publicKey), format: "jwk" });
    expect(verify("sha256", Buffer.from("authenticate:a1:c-9"), { key, dsaEncoding: "ieee-p1363" }, base64UrlToBytes(body.signature))).toBe(true);
  });

  it("rejects without a signature and reads an empty answer", async () => {
    const pair = await generateDeviceKeyPair();
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    expect(await answerAuthentication(SERVER, { deviceId: "d1", privateKey: pair.privateKey }, { authenticationId: "a2", challenge: "c" }, "reject")).toBeNull();
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string)).toEqual({ decision: "reject" });
  });

  it("carries the server's refusal", async () => {
    const pair = await generateDeviceKeyPair();
    stubFetch(() => Response.json({ code: "conflict", status: 409, detail: "already answered" }, { status: 409 }));
    const error = await answerAuthentication(SERVER, { deviceId: "d1", privateKey: pair.privateKey }, { authenticationId: "a3", challenge: "c" }, "approve").catch((e) => e);
    expect(error).toBeInstanceOf(AppRequestError);
    expect(error.status).toBe(409);
  });
});

describe("renaming and removing the device", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("PATCHes the name and DELETEs the device, signed", async () => {
    const pair = await generateDeviceKeyPair();
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    const device = { deviceId: "d 1", privateKey: pair.privateKey };
    await renameDevice(SERVER, device, "Work phone");
    await removeDevice(SERVER, device);
    const [[renameUrl, rename], [removeUrl, remove]] = fetchMock.mock.calls;
    expect(renameUrl).toBe(`${SERVER}/devices/d%201`);
    expect(rename.method).toBe("PATCH");
    expect(JSON.parse(rename.body as string)).toEqual({ deviceName: "Work phone" });
    expect(removeUrl).toBe(`${SERVER}/devices/d%201`);
    expect(remove.method).toBe("DELETE");
    expect((remove.headers as Record<string, string>)["X-Device-Signature"]).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
