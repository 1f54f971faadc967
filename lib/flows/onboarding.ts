// Running an onboarding: start it through the Signicat client, then follow it by asking
// the API (the flow, the user's devices, the Assure process).
import { z } from "zod";
import type { Environment } from "@/lib/generated/prisma/client";
import type { StaffSession } from "@/lib/auth/roles";
import { SignicatError } from "@/lib/signicat/errors";
import { listOf } from "@/lib/signicat/list";
import { startFlow, type Follower } from "./lifecycle";
import { onboardingBody, type OnboardingInput } from "./onboarding-input";

/** What the API's onboarding (and step-up) `data` holds; unknown keys are kept in the stored result. */
export const reuseFlowData = z
  .object({
    transactionId: z.string(),
    userId: z.string().optional(),
    activationCode: z.string().optional(),
    status: z.string(),
    dossierId: z.string().optional(),
    processId: z.string().optional(),
    deviceId: z.string().optional(),
    proofingId: z.string().optional(),
    authenticationId: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string().optional() }).optional(),
  })
  .passthrough();
export type ReuseFlowData = z.infer<typeof reuseFlowData>;

export function parseReuseData(raw: unknown, what: string): ReuseFlowData {
  const parsed = z.object({ data: reuseFlowData }).safeParse(raw);
  if (!parsed.success) {
    throw new SignicatError({
      kind: "invalid_response",
      code: "invalid_response",
      title: `The ${what} answer did not have the expected shape`,
      detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  }
  return parsed.data.data;
}

export const reuseIds = (data: ReuseFlowData) => ({
  transactionId: data.transactionId,
  userId: data.userId,
  deviceId: data.deviceId,
  proofingId: data.proofingId,
  dossierId: data.dossierId,
  processId: data.processId,
});

export function startOnboarding(env: Environment, staff: StaffSession, input: OnboardingInput) {
  const body = onboardingBody(input);
  return startFlow(env, staff, { type: "onboarding", input: { ...input, body }, externalRef: input.externalRef }, async (client) => {
    const data = parseReuseData((await client.startOnboarding(body)).data, "onboarding");
    return { ids: { ...reuseIds(data), activationCode: data.activationCode }, result: data, detail: data.userId ? `user ${data.userId}` : undefined };
  });
}

export const followOnboarding: Follower = async (client, flow, steps) => {
  const data = parseReuseData((await client.getOnboarding(flow.transactionId!)).data, "onboarding");
  let deviceDone = !!data.deviceId || steps.includes("device_activated");
  if (!deviceDone && data.status === "Pending" && data.userId) {
    deviceDone = listOf((await client.listDevices(data.userId)).data).length > 0;
  }
  let processStatus: string | null = null;
  if (deviceDone && data.dossierId && data.processId) {
    const process = (await client.getProcess<{ status?: string }>(data.dossierId, data.processId)).data;
    processStatus = typeof process?.status === "string" ? process.status : null;
  }
  return {
    apiStatus: data.status,
    deviceDone,
    processStatus,
    ids: reuseIds(data),
    result: data,
    error: data.error,
    stepDetails: { device_activated: data.deviceId ? `device ${data.deviceId}` : undefined, proofing_finished: processStatus ? `process ${processStatus}` : undefined },
  };
};
