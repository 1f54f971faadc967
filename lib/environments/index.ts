// Saved connections to Signicat, and the one place that turns one into a client:
// the "embedded" kind is this console's own /emulator, reached over real HTTP.
import {
  findEmbeddedEnvironment,
  findLiveEnvironmentByName,
  getLiveEnvironment,
  getOldestLiveEnvironment,
  insertEnvironment,
  listEnvironmentsLiveFirst,
  listLiveEnvironments,
  softDeleteEnvironment,
  updateEnvironmentRow,
} from "@/lib/data/queries/environments";
import { settings } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption-key";
import { ApiError } from "@/lib/http/api-error";
import { recordExchange } from "@/lib/data/queries/exchanges";
import { guardedFetch } from "@/lib/security/outbound-url";
import { receiverPath } from "@/lib/events/receiver-path";
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
  deleted: boolean;
  /** Signicat Events: where they are received (lib/events) and whether the secret that checks them is stored. */
  events: { receiverPath: string; secretSet: boolean; subscriptionId: string | null };
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
    deleted: env.deletedAt !== null,
    events: { receiverPath: receiverPath(env.id), secretSet: !!env.eventsSecretEnc, subscriptionId: env.eventsSubscriptionId },
  };
}

export function embeddedEmulatorUrl(): string {
  const { EMULATOR_INTERNAL_URL, PORT } = settings();
  return EMULATOR_INTERNAL_URL || `http://127.0.0.1:${PORT}/emulator`;
}

export function resolveBaseUrl(env: Pick<Environment, "kind" | "baseUrl">): string {
  return env.kind === "embedded" ? embeddedEmulatorUrl() : env.baseUrl;
}

/** The live environments: what every picker offers. */
export async function listEnvironments(): Promise<Environment[]> {
  return listLiveEnvironments();
}

/** Live and deleted, for History's filter: a deleted environment's flows are still there to find. */
export async function listEnvironmentsWithDeleted(): Promise<Environment[]> {
  return listEnvironmentsLiveFirst();
}

/** A live environment; a deleted one is gone for everything that would call Signicat with it. */
export async function getEnvironment(id: string): Promise<Environment | null> {
  return getLiveEnvironment(id);
}

/** The environment a page acts on: the one chosen (cookie), else the emulator, else the first. */
export async function pickEnvironment(chosenId: string | undefined): Promise<Environment | null> {
  if (chosenId) {
    const chosen = await getEnvironment(chosenId);
    if (chosen) return chosen;
  }
  return (await findEmbeddedEnvironment(null, { liveOnly: true })) ?? (await getOldestLiveEnvironment());
}

export async function createEnvironment(input: EnvironmentInput): Promise<Environment> {
  const { clientSecret, eventsSecret, ...rest } = input;
  return insertEnvironment({ ...rest, clientSecretEnc: encryptSecret(clientSecret), eventsSecretEnc: eventsSecret ? encryptSecret(eventsSecret) : null });
}

export async function updateEnvironment(id: string, input: EnvironmentUpdate): Promise<Environment> {
  const { clientSecret, eventsSecret, ...rest } = input;
  // An emptied optional field clears what was stored (undefined alone would keep it).
  const cleared = { accountId: rest.accountId ?? null, appApplicationId: rest.appApplicationId ?? null, appPublicKey: rest.appPublicKey ?? null, appServerUrl: rest.appServerUrl ?? null };
  return updateEnvironmentRow(id, {
    ...rest,
    ...cleared,
    ...(clientSecret ? { clientSecretEnc: encryptSecret(clientSecret) } : {}),
    ...(eventsSecret ? { eventsSecretEnc: encryptSecret(eventsSecret) } : {}),
  });
}

/**
 * Deleting keeps the row so the flows and exchanges recorded against it stay readable (and
 * show it as deleted), but wipes the secret: a deleted connection can no longer call anyone.
 */
export async function deleteEnvironment(id: string): Promise<{ cancelledFlows: number }> {
  const reason = "The environment was deleted while this flow was pending.";
  // Nobody can follow its pending flows any more: say so, rather than leave them pending for ever.
  return { cancelledFlows: await softDeleteEnvironment(id, reason) };
}

/** Names are unique among live environments; a deleted one's name may be used again. */
export async function isEnvironmentNameTaken(name: string, exceptId?: string): Promise<boolean> {
  return !!(await findLiveEnvironmentByName(name, exceptId));
}

/** A Signicat client for this environment that records each exchange, tied to a flow when given. */
export function clientFor(env: Environment, opts: { flowId?: string; timeoutMs?: number } = {}): SignicatClient {
  if (env.deletedAt) throw new ApiError(409, "environment_deleted", `The environment ${env.name} was deleted; the console no longer calls it.`);
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
  await recordExchange(exchange, environmentId, flowId);
}
