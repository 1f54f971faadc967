// Saved connections to Signicat, and the one place that turns one into a client:
// the "embedded" kind is this console's own /emulator, reached over real HTTP.
import { db } from "@/lib/db";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption-key";
import { guardedFetch } from "@/lib/security/outbound-url";
import { SignicatClient, type ApiExchangeRecord } from "@/lib/signicat/client";
import type { Environment } from "@/lib/generated/prisma/client";
import type { EnvironmentInput, EnvironmentKind, EnvironmentUpdate } from "./schema";

export type PublicEnvironment = {
  id: string;
  name: string;
  kind: EnvironmentKind;
  baseUrl: string;
  clientId: string;
  accountId: string | null;
  appApplicationId: string | null;
  appPublicKey: string | null;
  appServerUrl: string | null;
  createdAt: string;
};

/** An environment as a browser may see it: never the secret. */
export function publicEnvironment(env: Environment): PublicEnvironment {
  return {
    id: env.id,
    name: env.name,
    kind: env.kind as EnvironmentKind,
    baseUrl: env.kind === "embedded" ? "/emulator (this console)" : env.baseUrl,
    clientId: env.clientId,
    accountId: env.accountId,
    appApplicationId: env.appApplicationId,
    appPublicKey: env.appPublicKey,
    appServerUrl: env.appServerUrl,
    createdAt: env.createdAt.toISOString(),
  };
}

export function embeddedEmulatorUrl(): string {
  return process.env.EMULATOR_INTERNAL_URL || `http://127.0.0.1:${process.env.PORT || 3000}/emulator`;
}

export function resolveBaseUrl(env: Pick<Environment, "kind" | "baseUrl">): string {
  return env.kind === "embedded" ? embeddedEmulatorUrl() : env.baseUrl;
}

export async function listEnvironments(): Promise<Environment[]> {
  return db.environment.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }] });
}

export async function getEnvironment(id: string): Promise<Environment | null> {
  return db.environment.findUnique({ where: { id } });
}

/** The environment a page acts on: the one chosen (cookie), else the emulator, else the first. */
export async function pickEnvironment(chosenId: string | undefined): Promise<Environment | null> {
  if (chosenId) {
    const chosen = await getEnvironment(chosenId);
    if (chosen) return chosen;
  }
  return (await db.environment.findFirst({ where: { kind: "embedded", accountId: null } })) ?? (await db.environment.findFirst({ orderBy: { createdAt: "asc" } }));
}

export async function createEnvironment(input: EnvironmentInput): Promise<Environment> {
  const { clientSecret, ...rest } = input;
  return db.environment.create({ data: { ...rest, clientSecretEnc: encryptSecret(clientSecret) } });
}

export async function updateEnvironment(id: string, input: EnvironmentUpdate): Promise<Environment> {
  const { clientSecret, ...rest } = input;
  return db.environment.update({
    where: { id },
    data: { ...rest, ...(clientSecret ? { clientSecretEnc: encryptSecret(clientSecret) } : {}) },
  });
}

export async function deleteEnvironment(id: string): Promise<void> {
  await db.environment.delete({ where: { id } });
}

export async function isEnvironmentNameTaken(name: string, exceptId?: string): Promise<boolean> {
  const found = await db.environment.findUnique({ where: { name } });
  return !!found && found.id !== exceptId;
}

/** A Signicat client for this environment that records each exchange, tied to a flow when given. */
export function clientFor(env: Environment, opts: { flowId?: string; timeoutMs?: number } = {}): SignicatClient {
  return new SignicatClient(
    { baseUrl: resolveBaseUrl(env), clientId: env.clientId, clientSecret: decryptSecret(env.clientSecretEnc), accountId: env.accountId },
    {
      timeoutMs: opts.timeoutMs,
      fetch: guardedFetch(env.kind === "embedded" ? "embedded" : "external"),
      recorder: (exchange) => recordApiExchange(exchange, env.id, opts.flowId),
    },
  );
}

export async function recordApiExchange(exchange: ApiExchangeRecord, environmentId: string, flowId?: string): Promise<void> {
  await db.apiExchange.create({ data: { ...exchange, environmentId, flowId: flowId ?? null } });
}
