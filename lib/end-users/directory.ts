// End-users (MobileID users) as the console knows them: what it recorded from flows and
// lookups (to find someone by name), and what the API says about them now.
import { deleteEndUser, findEndUsers, upsertEndUser } from "@/lib/data/queries/end-users";
import { clientFor } from "@/lib/environments";
import type { Environment } from "@/lib/generated/prisma/client";
import { listOf } from "@/lib/signicat/list";
import { SignicatError } from "@/lib/signicat/errors";

export const END_USER_PAGE_SIZE = 25;

export type ApiUser = { userId: string; externalRef?: string | null; state?: string; attributes?: Record<string, unknown>; createdAt?: string; updatedAt?: string };
export type ApiDevice = { deviceId: string; deviceName?: string; state?: string; platform?: string; createdAt?: string; lastUsedAt?: string | null; deviceDetails?: { lockReason?: string | null } };

const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);

export async function rememberEndUser(environmentId: string, user: { userId: string; externalRef?: string | null; attributes?: Record<string, unknown> | null }) {
  await upsertEndUser(environmentId, user.userId, {
    externalRef: user.externalRef ?? undefined,
    firstName: text(user.attributes?.firstName),
    lastName: text(user.attributes?.lastName),
  });
}

/** A deleted user is no longer someone support can find by name here. */
export async function forgetEndUser(environmentId: string, userId: string) {
  await deleteEndUser(environmentId, userId);
}

/** Users the console has met in an environment, newest first, matching a name, externalRef or userId. */
export async function searchEndUsers(environmentId: string, q: string | undefined, page = 1) {
  const words = (q ?? "").trim().split(/\s+/).filter(Boolean);
  const { rows: items, total } = await findEndUsers(environmentId, words, { skip: (page - 1) * END_USER_PAGE_SIZE, take: END_USER_PAGE_SIZE });
  return { items: items.map((u) => ({ ...u, lastSeenAt: u.lastSeenAt.toISOString(), createdAt: u.createdAt.toISOString() })), total, page, pageSize: END_USER_PAGE_SIZE };
}

/**
 * Finds a user through the API by an exact identifier: the userId, else the externalRef
 * (MobileID's external-reference lookup). Null when the API knows neither.
 */
export async function findUserInApi(env: Environment, identifier: string): Promise<ApiUser | null> {
  const client = clientFor(env);
  for (const attempt of [() => client.getUser<ApiUser>(identifier), () => client.findUserByExternalRef<ApiUser | ApiUser[]>(identifier)]) {
    try {
      const found = (await attempt()).data;
      const user = Array.isArray(found) ? found[0] : found;
      if (user?.userId) {
        await rememberEndUser(env.id, user);
        return user;
      }
    } catch (error) {
      if (!(error instanceof SignicatError && (error.status === 404 || error.status === 400))) throw error;
    }
  }
  return null;
}

export async function getUserWithDevices(env: Environment, userId: string): Promise<{ user: ApiUser; devices: ApiDevice[] }> {
  const client = clientFor(env);
  const [user, devices] = await Promise.all([client.getUser<ApiUser>(userId), client.listDevices(userId)]);
  await rememberEndUser(env.id, user.data);
  return { user: user.data, devices: listOf(devices.data) as ApiDevice[] };
}

export type ApiProofing = { proofingId: string; dossierId: string; processId: string; provider?: string; status?: string; createdAt?: string };
export type ApiTransaction = { transactionId: string; type: string; state: string; deviceId?: string | null; createdAt?: string; completedAt?: string | null; expiresAt?: string | null };

/** Everything support looks at for one user: the user, their devices (with lock reasons), proofings and recent transactions. */
export async function getUserOverview(env: Environment, userId: string) {
  const client = clientFor(env);
  const [user, deviceList, proofings, transactions] = await Promise.all([
    client.getUser<ApiUser>(userId),
    client.listDevices(userId),
    client.listUserProofings(userId),
    client.listUserTransactions<{ items?: ApiTransaction[]; nextCursor?: string | null }>(userId, { limit: 20 }),
  ]);
  const devices = await Promise.all(
    (listOf(deviceList.data) as ApiDevice[]).map(async (d) => (d.state === "LOCKED" ? ((await client.getDevice<ApiDevice>(userId, d.deviceId, { detailed: true })).data ?? d) : d)),
  );
  await rememberEndUser(env.id, user.data);
  return {
    user: user.data,
    devices,
    proofings: listOf(proofings.data) as ApiProofing[],
    transactions: { items: transactions.data?.items ?? (listOf(transactions.data) as ApiTransaction[]), nextCursor: transactions.data?.nextCursor ?? null },
  };
}

export async function listUserTransactions(env: Environment, userId: string, cursor?: string) {
  const result = await clientFor(env).listUserTransactions<{ items?: ApiTransaction[]; nextCursor?: string | null }>(userId, { limit: 20, cursor });
  return { items: result.data?.items ?? [], nextCursor: result.data?.nextCursor ?? null };
}
