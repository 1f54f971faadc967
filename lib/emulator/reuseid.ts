/**
 * ReuseID ready-made onboarding flows (contract section 3). Starting one creates (or reuses,
 * by externalRef) a user, a device registration with a 10-digit activation code, an Assure
 * dossier with a pending process, and the flow record that ties them together.
 */
import { z } from "zod";
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import { checkDefaultId, flowOptions, provider, providerOptions, type FlowOptions } from "./flow-request";
import type { FlowData } from "./flows";
import { flowData } from "./flows";
import { fail } from "./http";
import { newActivationCode, newId } from "./ids";
import { settleFlow } from "./lifecycle";
import { ACTIVATION_LIFETIME_MS, retryOnCodeCollision } from "./registrations";
import { insertOnboarding, readFlowWithParts, type FlowParts } from "./store/flows";

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

export function startOnboarding(accountId: string, request: OnboardingRequest): Promise<EmuReuseFlow> {
  return retryOnCodeCollision(() => createOnboarding(accountId, request));
}

/**
 * The records a start or a GET already read, by flow object, so `onboardingData` does not read
 * them again (the route table passes only the flow between the two). Weak: gone with the request.
 */
const partsRead = new WeakMap<EmuReuseFlow, Partial<FlowParts>>();

/** Starting an onboarding is the emulator's busiest write: one transaction through the direct store. */
async function createOnboarding(accountId: string, request: OnboardingRequest): Promise<EmuReuseFlow> {
  const now = new Date();
  const { flow, registration } = await insertOnboarding({
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
  partsRead.set(flow, { registration, process: null });
  return flow;
}

export type OnboardingData = FlowData & { activationCode: string };

export async function onboardingData(flow: EmuReuseFlow): Promise<OnboardingData> {
  return (await flowData(flow, partsRead.get(flow))) as OnboardingData;
}

export async function findOnboarding(accountId: string, transactionId: string): Promise<EmuReuseFlow> {
  const found = await readFlowWithParts(transactionId);
  if (!found || found.flow.accountId !== accountId || found.flow.kind !== "onboarding") throw fail.notFound(`No onboarding with transaction ID ${transactionId} exists.`);
  const settled = await settleFlow(found.flow, new Date(), found.parts);
  // An expiry just applied changed the parts: let onboardingData read them afresh.
  if (settled === found.flow) partsRead.set(settled, found.parts);
  return settled;
}
