/**
 * The emulator's default account and API client, made at console start. Idempotent and safe
 * when several processes start at once: every create that loses a race re-reads the winner.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/crypto/encryption-key";
import { clientSecretMatches, hashClientSecret, isLegacyHash } from "./client-secrets";
import { isUniqueViolation } from "./ids";
import { createEmuAccount, getEmuAccount, getEmuAccountOrThrow } from "./store/accounts";
import { createEmuClient, getEmuClient, setClientSecret } from "./store/clients";

export const DEFAULT_ACCOUNT_ID = "emulator-default";
export const DEFAULT_ACCOUNT_NAME = "Local emulator";

export type EmulatorAccountInfo = { accountId: string; applicationId: string; appPublicKey: string };

/** An account with its Authenticator App configuration: an applicationId and a P-256 E2E key pair. */
export async function ensureEmulatorAccount(input: { id: string; name: string }): Promise<EmulatorAccountInfo> {
  let account = await getEmuAccount(input.id);
  if (!account) {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    try {
      account = await createEmuAccount({
        id: input.id,
        name: input.name,
        applicationId: randomUUID(),
        appPublicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
        appPrivateKeyEnc: encryptSecret(privateKey.export({ format: "pem", type: "pkcs8" }).toString()),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      account = await getEmuAccountOrThrow(input.id);
    }
  }
  return { accountId: account.id, applicationId: account.applicationId, appPublicKey: account.appPublicKey };
}

/** An API client of an account; an existing client gets the given secret if it differs (or is still a legacy scrypt hash). */
export async function ensureEmulatorClient(input: { clientId: string; clientSecret: string; accountId: string; tokenLifetimeSeconds?: number }): Promise<void> {
  const existing = await getEmuClient(input.clientId);
  if (existing) {
    if (isLegacyHash(existing.secretHash) || !(await clientSecretMatches(input.clientSecret, existing.secretHash))) {
      await setClientSecret(existing.id, await hashClientSecret(input.clientSecret));
    }
    return;
  }
  try {
    await createEmuClient({
      id: input.clientId,
      accountId: input.accountId,
      name: input.clientId,
      secretHash: await hashClientSecret(input.clientSecret),
      tokenLifetimeSeconds: input.tokenLifetimeSeconds ?? 600,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await ensureEmulatorClient(input); // another process made it: check its secret
  }
}

export async function ensureEmulatorDefaults(opts: { clientId: string; clientSecret: string }): Promise<EmulatorAccountInfo> {
  const account = await ensureEmulatorAccount({ id: DEFAULT_ACCOUNT_ID, name: DEFAULT_ACCOUNT_NAME });
  await ensureEmulatorClient({ clientId: opts.clientId, clientSecret: opts.clientSecret, accountId: account.accountId });
  return account;
}
