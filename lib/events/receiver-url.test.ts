// The emulator may call exactly one private target without EMULATOR_WEBHOOKS_ALLOW_PRIVATE:
// this console's own events receiver, at the origin the console reaches its emulator on.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assertWebhookTarget } from "@/lib/emulator/webhook-target";
import { embeddedReceiverUrl, isOwnEventsReceiver } from "./receiver-url";
import { signatureMatches, signEvent } from "./signature";

beforeEach(() => {
  vi.stubEnv("EMULATOR_INTERNAL_URL", "http://127.0.0.1:3261/emulator");
  vi.stubEnv("EMULATOR_WEBHOOKS_ALLOW_PRIVATE", "false");
});
afterEach(() => vi.unstubAllEnvs());

describe("the console's own events receiver", () => {
  it("is the embedded emulator's origin with one segment under /api/events/", async () => {
    expect(embeddedReceiverUrl("env-1")).toBe("http://127.0.0.1:3261/api/events/env-1");
    expect(isOwnEventsReceiver("http://127.0.0.1:3261/api/events/env-1")).toBe(true);
    await expect(assertWebhookTarget("http://127.0.0.1:3261/api/events/env-1")).resolves.toBeUndefined();
  });

  it("is nothing else on loopback: another port, path, query, credentials or a path that climbs out", async () => {
    for (const url of [
      "http://127.0.0.1:3262/api/events/env-1",
      "http://localhost:3261/api/events/env-1",
      "https://127.0.0.1:3261/api/events/env-1",
      "http://127.0.0.1:3261/api/flows",
      "http://127.0.0.1:3261/api/events/",
      "http://127.0.0.1:3261/api/events/a/b",
      "http://127.0.0.1:3261/api/events/../flows",
      "http://127.0.0.1:3261/api/events/%2e%2e/flows",
      "http://127.0.0.1:3261/api/events/env-1?x=1",
      "http://user:pw@127.0.0.1:3261/api/events/env-1",
      "http://127.0.0.1:3261/emulator/simulator/activations",
    ]) {
      expect([url, isOwnEventsReceiver(url)]).toEqual([url, false]);
      await expect(assertWebhookTarget(url)).rejects.toThrow(/^refused: /);
    }
  });
});

describe("the signature", () => {
  it("is HMAC-SHA256 hex of the exact bytes, compared in constant time; anything else is wrong", () => {
    const body = Buffer.from('{"id":"e1"}');
    const good = signEvent("s3cret-s3cret", body);
    expect(good).toMatch(/^[\da-f]{64}$/);
    expect(signatureMatches("s3cret-s3cret", body, good)).toBe(true);
    expect(signatureMatches("s3cret-s3cret", body, good.toUpperCase())).toBe(true);
    for (const wrong of [null, "", good.slice(0, 63), `${good}0`, `sha256=${good}`, signEvent("other", body)]) expect(signatureMatches("s3cret-s3cret", body, wrong)).toBe(false);
    expect(signatureMatches("s3cret-s3cret", Buffer.from('{"id":"e1"} '), good)).toBe(false);
  });
});
