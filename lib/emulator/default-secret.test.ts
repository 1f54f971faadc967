// The documented default client secret ("emulator-secret") opens the emulator only to callers on
// this machine: the socket's peer decides, never a forwarded header.
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";
import { tokenFrom } from "@/lib/testing/from-address";
import { ensureEmulatorClient, ensureEmulatorDefaults } from "./bootstrap";

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

let loopback: EmulatorServer;
let lan: EmulatorServer | undefined;

beforeAll(async () => {
  const account = await ensureEmulatorDefaults({ clientId: "emulator-client", clientSecret: "emulator-secret" });
  await ensureEmulatorClient({ clientId: "ci-client", clientSecret: "a-secret-of-our-own", accountId: account.accountId });
  loopback = await startEmulatorServer();
  if (lanAddress) lan = await startEmulatorServer(lanAddress);
});
afterAll(async () => {
  await loopback.close();
  await lan?.close();
});

describe("the documented default secret", () => {
  it("works from loopback, whatever X-Forwarded-For claims", async () => {
    const res = await tokenFrom("127.0.0.1", loopback.baseUrl, "emulator-client", "emulator-secret", { "X-Forwarded-For": "203.0.113.5" });
    expect(res.status).toBe(200);
  });

  it.skipIf(!lanAddress)("is refused from another address with a message that says why, even with forged headers", async () => {
    const forged = { "X-Forwarded-For": "127.0.0.1", "X-Reuseid-Socket-Address": "127.0.0.1" };
    const res = await tokenFrom(lanAddress!, lan!.baseUrl, "emulator-client", "emulator-secret", forged);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "invalid_client", error_description: expect.stringContaining("only from this machine") });
    expect(res.body.error_description).toContain("EMULATOR_CLIENT_SECRET");
  });

  it.skipIf(!lanAddress)("does not limit a client with a secret of its own", async () => {
    expect((await tokenFrom(lanAddress!, lan!.baseUrl, "ci-client", "a-secret-of-our-own")).status).toBe(200);
  });
});
