/**
 * The emulator's accounts and API clients, for the console's emulator admin page.
 * A client secret is shown once, at creation (only its scrypt hash is kept). A revoked client
 * is refused at the token endpoint, and its tokens stop working at once: every API call checks
 * the token's client (router.ts).
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashClientSecret } from "./client-secrets";
import { ensureEmulatorAccount } from "./bootstrap";
import { fail } from "./http";
import { parseWith } from "./validation";
import { NO_FAULTS, type FaultSettings } from "./faults";
import { readCallerStanding } from "./store/access";
import { andThen, type Maybe } from "@/lib/maybe";
import { getEmuAccount, listEmuAccountsWithClients } from "./store/accounts";
import { createEmuClient, getEmuClient, listEmuClientsWithAccount, revokeClient } from "./store/clients";
import { countUsersByAccount } from "./store/users";

export type EmulatorClientView = {
  clientId: string;
  name: string;
  accountId: string;
  accountName: string;
  tokenLifetimeSeconds: number;
  createdAt: string;
  revokedAt: string | null;
};

export type EmulatorAccountView = { accountId: string; name: string; applicationId: string; createdAt: string; clients: number; activeClients: number; users: number };

export async function listEmulatorClients(filter: { accountId?: string } = {}): Promise<EmulatorClientView[]> {
  const clients = await listEmuClientsWithAccount(filter.accountId);
  return clients.map((c) => ({
    clientId: c.id,
    name: c.name,
    accountId: c.accountId,
    accountName: c.account.name,
    tokenLifetimeSeconds: c.tokenLifetimeSeconds,
    createdAt: c.createdAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
  }));
}

export async function listEmulatorAccounts(): Promise<EmulatorAccountView[]> {
  const accounts = await listEmuAccountsWithClients();
  const userCount = await countUsersByAccount();
  return accounts.map((a) => ({
    accountId: a.id,
    name: a.name,
    applicationId: a.applicationId,
    createdAt: a.createdAt.toISOString(),
    clients: a.clients.length,
    activeClients: a.clients.filter((c) => !c.revokedAt).length,
    users: userCount.get(a.id) ?? 0,
  }));
}

/** The console's form and this function share the schema: either an existing account or a new one's name. */
export const createClientInput = z
  .object({
    name: z.string("must be a string").trim().min(1, "cannot be empty").max(100, "must be at most 100 characters"),
    accountId: z.string().min(1, "cannot be empty").optional(),
    newAccountName: z.string().trim().min(1, "cannot be empty").max(100, "must be at most 100 characters").optional(),
    tokenLifetimeSeconds: z.int("must be an integer").min(1, "must be at least 1").max(3600, "must be at most 3600").default(600),
  })
  .superRefine((input, ctx) => {
    if ((input.accountId === undefined) === (input.newAccountName === undefined)) {
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "give either accountId or newAccountName" });
    }
  });

export type CreateClientInput = z.input<typeof createClientInput>;

export async function createEmulatorClient(input: CreateClientInput): Promise<{ client: EmulatorClientView; clientSecret: string }> {
  const parsed = parseWith(createClientInput, input);
  let accountId = parsed.accountId;
  if (accountId) {
    if (!(await getEmuAccount(accountId))) throw fail.invalidParams([{ name: "accountId", reason: "no such emulator account" }]);
  } else {
    accountId = (await ensureEmulatorAccount({ id: `a-emu-${randomBytes(8).toString("hex")}`, name: parsed.newAccountName! })).accountId;
  }
  const clientId = `emu-${randomBytes(12).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  await createEmuClient({ id: clientId, accountId, name: parsed.name, secretHash: await hashClientSecret(clientSecret), tokenLifetimeSeconds: parsed.tokenLifetimeSeconds });
  const [client] = await listEmulatorClients({ accountId }).then((all) => all.filter((c) => c.clientId === clientId));
  return { client, clientSecret };
}

/** Idempotent; unknown ids are a 404 in the emulator's error vocabulary. */
export async function revokeEmulatorClient(clientId: string): Promise<EmulatorClientView> {
  const client = await getEmuClient(clientId);
  if (!client) throw fail.notFound(`No emulator client with ID ${clientId} exists.`);
  if (!client.revokedAt) await revokeClient(clientId, new Date());
  const [view] = (await listEmulatorClients({ accountId: client.accountId })).filter((c) => c.clientId === clientId);
  return view;
}

/**
 * What a bearer request needs before its handler, in one read: whether the token's client may
 * still call, and the faults set for its account. Read on each request, not cached, so a
 * revocation or a fault set through another console process applies at once.
 */
export function callerStanding(clientId: string, accountId: string): Maybe<{ active: boolean; faults: FaultSettings }> {
  return andThen(readCallerStanding(clientId), (client) => ({ active: !!client && !client.revoked && client.accountId === accountId, faults: client?.faults ?? NO_FAULTS }));
}
