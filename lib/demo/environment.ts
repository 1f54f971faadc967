/**
 * The Demo environment: the presenter view acts only here. It is the embedded emulator under an
 * account of its own ("Demo"), so a reset to baseline can forget everything in it without
 * touching the Local emulator's users, flows or clients, and the demo role sees nothing else.
 */
import { randomBytes } from "node:crypto";
import { findEmbeddedEnvironment, insertEnvironment, updateEnvironmentRow } from "@/lib/data/queries/environments";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption-key";
import { ensureEmulatorAccount, ensureEmulatorClient } from "@/lib/emulator/bootstrap";
import type { Environment } from "@/lib/generated/prisma/client";

export const DEMO_ACCOUNT_ID = "emulator-demo";
export const DEMO_CLIENT_ID = "demo-presenter";
export const DEMO_ENVIRONMENT_NAME = "Demo";

export const isDemoEnvironment = (env: Pick<Environment, "kind" | "accountId">) => env.kind === "embedded" && env.accountId === DEMO_ACCOUNT_ID;

/** The Demo environment, its emulator account and client made on first use (idempotent). */
export async function ensureDemoEnvironment(): Promise<Environment> {
  const account = await ensureEmulatorAccount({ id: DEMO_ACCOUNT_ID, name: DEMO_ENVIRONMENT_NAME });
  const existing = await findEmbeddedEnvironment(DEMO_ACCOUNT_ID);
  let secret: string | null = null;
  if (existing) {
    try {
      secret = decryptSecret(existing.clientSecretEnc);
    } catch {
      secret = null; // the key changed: give the client a new secret below
    }
  }
  const fresh = !secret;
  secret ??= randomBytes(24).toString("base64url");
  await ensureEmulatorClient({ clientId: DEMO_CLIENT_ID, clientSecret: secret, accountId: account.accountId });
  const fields = { clientId: DEMO_CLIENT_ID, appApplicationId: account.applicationId, appPublicKey: account.appPublicKey };
  if (existing) {
    return fresh ? updateEnvironmentRow(existing.id, { ...fields, clientSecretEnc: encryptSecret(secret) }) : existing;
  }
  try {
    return await insertEnvironment({ name: DEMO_ENVIRONMENT_NAME, kind: "embedded", baseUrl: "", accountId: DEMO_ACCOUNT_ID, clientSecretEnc: encryptSecret(secret), ...fields });
  } catch (error) {
    // Another request made it at the same time (or an environment is already called "Demo").
    const made = await findEmbeddedEnvironment(DEMO_ACCOUNT_ID);
    if (made) return ensureDemoEnvironment();
    throw error;
  }
}
