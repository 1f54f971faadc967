/**
 * MobileID device registrations (contract section 4): an activation code a device redeems.
 * Onboarding flows make one through `createRegistration` too; activating is `activation.ts`.
 */
import { z } from "zod";
import type { EmuRegistration } from "@/lib/generated/prisma/client";
import { fail } from "./http";
import { isUniqueViolation, newActivationCode, newId } from "./ids";
import { settleRegistration } from "./lifecycle";
import { findUser } from "./mobileid";
import { deviceName } from "./mobileid-validation";
import { createEmuRegistration, getRegistration } from "./store/registrations";

export const ACTIVATION_LIFETIME_MS = 10 * 60_000;

export function createRegistration(input: { accountId: string; userId: string; deviceName?: string | null; now: Date }): Promise<EmuRegistration> {
  return createEmuRegistration({
    id: newId(),
    accountId: input.accountId,
    userId: input.userId,
    activationCode: newActivationCode(),
    deviceName: input.deviceName ?? null,
    expiresAt: new Date(input.now.getTime() + ACTIVATION_LIFETIME_MS),
  });
}

/** Runs `create` again when a fresh activation code collided with an existing one. */
export async function retryOnCodeCollision<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export function registrationView(r: EmuRegistration) {
  const view: Record<string, unknown> = {
    registrationId: r.id,
    userId: r.userId,
    state: r.state,
    activationCode: r.activationCode,
    deviceName: r.deviceName,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
  if (r.deviceId) view.deviceId = r.deviceId;
  if (r.completedAt) view.completedAt = r.completedAt.toISOString();
  return view;
}

export const registrationBody = z.object({ deviceName: deviceName.optional() }, "must be a JSON object");

export async function startRegistration(accountId: string, userId: string, body: z.output<typeof registrationBody>) {
  const user = await findUser(accountId, userId);
  if (user.state !== "ACTIVE") throw fail.unprocessable(`The user is ${user.state.toLowerCase()}; it cannot register a device.`);
  const registration = await retryOnCodeCollision(() => createRegistration({ accountId, userId, deviceName: body.deviceName, now: new Date() }));
  return { registrationId: registration.id, activationCode: registration.activationCode, expiresAt: registration.expiresAt.toISOString(), state: registration.state };
}

export async function findRegistration(accountId: string, userId: string, registrationId: string): Promise<EmuRegistration> {
  await findUser(accountId, userId);
  const registration = await getRegistration(registrationId);
  if (!registration || registration.accountId !== accountId || registration.userId !== userId) throw fail.notFound(`No registration with ID ${registrationId} exists for user ${userId}.`);
  return settleRegistration(registration);
}
