import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, onboardedUser, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { createEmulatorClient, listEmulatorAccounts, listEmulatorClients, revokeEmulatorClient } from "./admin";
import { DEFAULT_ACCOUNT_ID } from "./bootstrap";
import { EmulatorError } from "./http";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const tokenRequest = (clientId: string, clientSecret: string) =>
  fetch(`${server.baseUrl}/auth/open/connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
  });

describe("emulator clients and accounts", () => {
  it("creates a client in a new account; its secret works once shown, and its token lifetime is kept", async () => {
    const { client, clientSecret } = await createEmulatorClient({ name: "CI pipeline", newAccountName: "CI account", tokenLifetimeSeconds: 120 });
    expect(client).toEqual({
      clientId: expect.stringMatching(/^emu-/),
      name: "CI pipeline",
      accountId: expect.stringMatching(/^a-emu-/),
      accountName: "CI account",
      tokenLifetimeSeconds: 120,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const res = await tokenRequest(client.clientId, clientSecret);
    expect(res.status).toBe(200);
    expect((await res.json()).expires_in).toBe(120);
    const accounts = await listEmulatorAccounts();
    expect(accounts).toContainEqual({ accountId: client.accountId, name: "CI account", applicationId: expect.any(String), createdAt: expect.any(String), clients: 1, activeClients: 1, users: 0 });
    expect((await listEmulatorClients()).map((c) => c.clientId)).toContain(client.clientId);
    expect(JSON.stringify(await listEmulatorClients())).not.toContain(clientSecret);
  });

  it("creates a client in an existing account, and validates its input", async () => {
    const { client } = await createEmulatorClient({ name: "Second", accountId: DEFAULT_ACCOUNT_ID, tokenLifetimeSeconds: 600 });
    expect(client.accountId).toBe(DEFAULT_ACCOUNT_ID);
    await expect(createEmulatorClient({ name: "x", accountId: "no-such-account", tokenLifetimeSeconds: 600 })).rejects.toBeInstanceOf(EmulatorError);
    const both = await createEmulatorClient({ name: "", accountId: DEFAULT_ACCOUNT_ID, newAccountName: "y", tokenLifetimeSeconds: 0 }).catch((e: EmulatorError) => e);
    expect((both as EmulatorError).invalidParams?.map((p) => p.name).sort()).toEqual(["accountId", "name", "tokenLifetimeSeconds"]);
    const neither = await createEmulatorClient({ name: "z", tokenLifetimeSeconds: 60 }).catch((e: EmulatorError) => e);
    expect((neither as EmulatorError).invalidParams).toEqual([{ name: "accountId", reason: expect.any(String) }]);
  });

  it("revokes a client: the token endpoint refuses it and its existing tokens stop working", async () => {
    const { client, clientSecret } = await createEmulatorClient({ name: "Soon revoked", newAccountName: "Revocation", tokenLifetimeSeconds: 600 });
    const revocable = await callerFor(server, client.accountId, client.clientId, clientSecret);
    expect((await revocable.call("POST", "/mobileid/core/users")).status).toBe(201);
    const revoked = await revokeEmulatorClient(client.clientId);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const token = await tokenRequest(client.clientId, clientSecret);
    expect(token.status).toBe(401);
    expect(await token.json()).toMatchObject({ error: "invalid_client" });
    const call = await revocable.call("POST", "/mobileid/core/users");
    expect(call.status).toBe(401);
    expect(call.body.code).toBe("invalid_token");
    await expect(revokeEmulatorClient("emu-unknown")).rejects.toBeInstanceOf(EmulatorError);
    expect((await listEmulatorAccounts()).find((a) => a.accountId === client.accountId)).toMatchObject({ clients: 1, activeClients: 0, users: 1 });
  });

  it("keeps accounts apart: a new account's client sees none of the default account's data", async () => {
    const u = await onboardedUser(caller, { externalRef: "admin-isolation" });
    const { client, clientSecret } = await createEmulatorClient({ name: "Outsider", newAccountName: "Outsiders", tokenLifetimeSeconds: 600 });
    const outsider = await callerFor(server, client.accountId, client.clientId, clientSecret);
    expect((await outsider.call("GET", `/mobileid/core/users/${u.userId}`)).status).toBe(404);
    expect((await outsider.call("GET", `/reuseid/id-onboardings/${u.transactionId}`)).status).toBe(404);
    expect((await outsider.call("GET", "/mobileid/core/users?externalRef=admin-isolation")).status).toBe(404);
    expect((await outsider.call("POST", "/reuseid/id-stepups", { body: u })).body.code).toBe("user_entity_does_not_exist");
    const asked = await outsider.call("GET", `/mobileid/core/users/${u.userId}?signicat-accountid=${DEFAULT_ACCOUNT_ID}`);
    expect(asked.status).toBe(403);
  });
});
