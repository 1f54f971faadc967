/**
 * ReuseID ready-made onboarding flows (contract section 3). Starting one creates (or reuses,
 * by externalRef) a user, a device registration with a 10-digit activation code, an Assure
 * dossier with a pending process, and the flow record that ties them together.
 */
import { z } from "zod";
import type { EmuRegistration, EmuReuseFlow } from "@/lib/generated/prisma/client";
import { checkDefaultId, flowOptions, provider, providerOptions, type FlowOptions } from "./flow-request";
import type { FlowData } from "./flows";
import { flowData, flowDataOf } from "./flows";
import { fail } from "./http";
import { newActivationCode, newId } from "./ids";
import { settleFlowWithParts } from "./lifecycle";
import { ACTIVATION_LIFETIME_MS, retryOnCodeCollision } from "./registrations";
import { insertOnboarding, readFlowWithParts } from "./store/flows";
import { andThen, type Maybe } from "@/lib/maybe";

/** The three request shapes Signicat accepts for starting an onboarding, as one schema. */
export const onboardingBody = z
  .object(
    {
      externalRef: z.string().min(1, "cannot be empty").max(255, "must be at most 255 characters").optional(),
      provider: provider.optional(),
      input: z.object({ provider: provider.optional(), eidProviderOptions: providerOptions.optional() }).optional(),
      eidProviderOptions: providerOptions.optional(),
      videoidProviderOptions: providerOptions.optional(),
    },
    "must be a JSON object",
  )
  .superRefine(checkDefaultId);

export type OnboardingRequest = FlowOptions & { externalRef: string | null };

/** The parsed body (any of the three shapes) as one meaning. */
export function normaliseOnboardingRequest(body: z.output<typeof onboardingBody>): OnboardingRequest {
  return { externalRef: body.externalRef ?? null, ...flowOptions(body) };
}

/** Starts one and answers as the POST does; the registration just written gives its activation code. */
export async function startOnboarding(accountId: string, request: OnboardingRequest): Promise<OnboardingData> {
  const { flow, registration } = await retryOnCodeCollision(() => createOnboarding(accountId, request));
  return flowDataOf(flow, { registration, process: null }) as OnboardingData;
}

/** Starting an onboarding is the emulator's busiest write: one transaction through the direct store. */
function createOnboarding(accountId: string, request: OnboardingRequest): Promise<{ flow: EmuReuseFlow; registration: EmuRegistration }> {
  const now = new Date();
  return insertOnboarding({
    accountId,
    externalRef: request.externalRef,
    provider: request.provider,
    processProvider: request.provider === "readid" ? "readid" : "signicatvideoid",
    docTypes: request.docTypes,
    defaultId: request.defaultId,
    ids: { user: newId(), registration: newId(), dossier: newId(), process: newId(), flow: newId() },
    activationCode: newActivationCode(),
    activationExpiresAt: new Date(now.getTime() + ACTIVATION_LIFETIME_MS),
    now,
  });
}

export type OnboardingData = FlowData & { activationCode: string };

/**
 * GET /reuseid/id-onboardings/{id}: the flow and the parts it settles against in one read, and
 * its answer built from them (on SQLite at once); the parts are read afresh only when an expiry
 * was just applied.
 */
export function onboardingAnswer(accountId: string, transactionId: string): Maybe<OnboardingData> {
  return andThen(readFlowWithParts(transactionId), (found) => {
    if (!found || found.flow.accountId !== accountId || found.flow.kind !== "onboarding") throw fail.notFound(`No onboarding with transaction ID ${transactionId} exists.`);
    const settled = settleFlowWithParts(found.flow, new Date(), found.parts);
    return (settled === found.flow ? flowDataOf(found.flow, found.parts) : andThen(settled, (flow) => flowData(flow))) as Maybe<OnboardingData>;
  });
}
