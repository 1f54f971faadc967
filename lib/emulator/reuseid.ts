/**
 * ReuseID ready-made onboarding flows (contract section 3). Starting one creates (or reuses,
 * by externalRef) a user, a device registration with a 10-digit activation code, an Assure
 * dossier with a pending process, and the flow record that ties them together.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import { checkDefaultId, flowOptions, provider, providerOptions, type FlowOptions } from "./flow-request";
import type { FlowData } from "./flows";
import { flowData } from "./flows";
import { fail } from "./http";
import { newId } from "./ids";
import { settleFlow } from "./lifecycle";
import { createRegistration, retryOnCodeCollision } from "./registrations";
import { createFlowRecords } from "./flow-records";

/** The three request shapes Signicat accepts for starting an onboarding, as one schema. */
export const onboardingBody = z
  .object({
    externalRef: z.string().min(1, "cannot be empty").max(255, "must be at most 255 characters").optional(),
    provider: provider.optional(),
    input: z.object({ provider: provider.optional(), eidProviderOptions: providerOptions.optional() }).optional(),
    eidProviderOptions: providerOptions.optional(),
    videoidProviderOptions: providerOptions.optional(),
  }, "must be a JSON object")
  .superRefine(checkDefaultId);

export type OnboardingRequest = FlowOptions & { externalRef: string | null };

/** The parsed body (any of the three shapes) as one meaning. */
export function normaliseOnboardingRequest(body: z.output<typeof onboardingBody>): OnboardingRequest {
  return { externalRef: body.externalRef ?? null, ...flowOptions(body) };
}

export function startOnboarding(accountId: string, request: OnboardingRequest): Promise<EmuReuseFlow> {
  return retryOnCodeCollision(() => createOnboarding(accountId, request));
}

async function createOnboarding(accountId: string, request: OnboardingRequest): Promise<EmuReuseFlow> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const existing = request.externalRef
      ? await tx.emuUser.findFirst({ where: { accountId, externalRef: request.externalRef }, orderBy: { createdAt: "asc" } })
      : null;
    const user = existing ?? (await tx.emuUser.create({ data: { id: newId(), accountId, externalRef: request.externalRef } }));
    const registration = await createRegistration(tx, { accountId, userId: user.id, now });
    return createFlowRecords(tx, { id: newId(), accountId, kind: "onboarding", options: request, externalRef: request.externalRef, userId: user.id, registrationId: registration.id });
  });
}

export type OnboardingData = FlowData & { activationCode: string };

export async function onboardingData(flow: EmuReuseFlow): Promise<OnboardingData> {
  return (await flowData(db, flow)) as OnboardingData;
}

export async function findOnboarding(accountId: string, transactionId: string): Promise<EmuReuseFlow> {
  const flow = await db.emuReuseFlow.findUnique({ where: { id: transactionId } });
  if (!flow || flow.accountId !== accountId || flow.kind !== "onboarding") throw fail.notFound(`No onboarding with transaction ID ${transactionId} exists.`);
  return settleFlow(flow);
}
