/**
 * ReuseID ready-made step-up flows (contract section 3): an existing user proves their identity
 * again on one of their active devices. Starting one creates a MobileID authentication on the
 * device (pre-operation context `{operation:"stepup", provider, processType}`), a dossier with a
 * pending process and the flow. Approving the authentication starts the proofing; the rest is
 * the onboarding's proofing path (proofing.ts), which updates the user's attributes.
 */
import { z } from "zod";
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import { assertCanAuthenticate, createAuthentication } from "./authentications";
import { checkDefaultId, flowOptions, provider, providerOptions, type FlowOptions } from "./flow-request";
import { createFlowRecords } from "./flow-records";
import { flowData, type FlowData } from "./flows";
import { fail } from "./http";
import { newId } from "./ids";
import { settleFlow } from "./lifecycle";
import { findUser, findUserDevice } from "./mobileid";
import { inTransaction } from "./store/db-client";
import { getReuseFlow } from "./store/reuse-flows";

const id = z.string("must be a string").min(1, "cannot be empty").max(64, "must be at most 64 characters");

/** The three step-up shapes: `{input:{userId, deviceId, eidProviderOptions?}}`, `{userId, deviceId, eidProviderOptions?}`, `{userId, deviceId, provider?, videoidProviderOptions?}`. */
export const stepUpBody = z
  .object(
    {
      userId: id.optional(),
      deviceId: id.optional(),
      provider: provider.optional(),
      input: z.object({ userId: id.optional(), deviceId: id.optional(), provider: provider.optional(), eidProviderOptions: providerOptions.optional() }).optional(),
      eidProviderOptions: providerOptions.optional(),
      videoidProviderOptions: providerOptions.optional(),
    },
    "must be a JSON object",
  )
  .superRefine((body, ctx) => {
    checkDefaultId(body, ctx);
    for (const field of ["userId", "deviceId"] as const) {
      if (body[field] === undefined && body.input?.[field] === undefined) {
        ctx.addIssue({ code: "custom", path: body.input && !body[field] ? ["input", field] : [field], message: "cannot be null or empty" });
      }
    }
  });

export type StepUpRequest = FlowOptions & { userId: string; deviceId: string };

export function normaliseStepUpRequest(body: z.output<typeof stepUpBody>): StepUpRequest {
  return { userId: (body.userId ?? body.input?.userId)!, deviceId: (body.deviceId ?? body.input?.deviceId)!, ...flowOptions(body) };
}

function stepUpContext(request: StepUpRequest) {
  const operation = { operation: "stepup", provider: request.provider, processType: "substantial" };
  return { content: Buffer.from(JSON.stringify(operation)).toString("base64"), mimeType: "application/json" };
}

export async function startStepUp(accountId: string, request: StepUpRequest): Promise<EmuReuseFlow> {
  const user = await findUser(accountId, request.userId);
  const device = await findUserDevice(accountId, request.userId, request.deviceId);
  assertCanAuthenticate(user, device);
  const now = new Date();
  const flowId = newId();
  return inTransaction(async (tx) => {
    const authentication = await createAuthentication({ accountId, userId: user.id, deviceId: device.id, preOperationContext: stepUpContext(request), flowId, now }, tx);
    return createFlowRecords(tx, {
      id: flowId,
      accountId,
      kind: "stepup",
      options: request,
      externalRef: user.externalRef,
      userId: user.id,
      deviceId: device.id,
      authenticationId: authentication.id,
    });
  });
}

export async function findStepUp(accountId: string, transactionId: string): Promise<EmuReuseFlow> {
  const flow = await getReuseFlow(transactionId);
  if (!flow || flow.accountId !== accountId || flow.kind !== "stepup") throw fail.notFound(`No step-up with transaction ID ${transactionId} exists.`);
  return settleFlow(flow);
}

export const stepUpData = (flow: EmuReuseFlow): Promise<FlowData> => flowData(flow);
