// Running a step-up: the user's attributes are read first (to show what the step-up
// changes), the device must approve the MobileID authentication, then the proofing runs.
import type { Environment } from "@/lib/generated/prisma/client";
import type { StaffSession } from "@/lib/auth/roles";
import { startFlow, type Follower } from "./lifecycle";
import { parseReuseData, reuseIds } from "./onboarding";
import { stepUpBody, type StepUpInput } from "./onboarding-input";

type User = { attributes?: Record<string, unknown>; externalRef?: string | null };

export function startStepUp(env: Environment, staff: StaffSession, input: StepUpInput) {
  const body = stepUpBody(input);
  return startFlow(env, staff, { type: "stepup", input: { ...input, body }, userId: input.userId, deviceId: input.deviceId }, async (client) => {
    const before = (await client.getUser<User>(input.userId)).data;
    const data = parseReuseData((await client.startStepUp(body)).data, "step-up");
    return {
      ids: reuseIds(data),
      result: { ...data, attributesBefore: before?.attributes ?? {} },
      detail: `device ${input.deviceId} must approve`,
    };
  });
}

export const followStepUp: Follower = async (client, flow, steps) => {
  const data = parseReuseData((await client.getStepUp(flow.transactionId!)).data, "step-up");
  const previous = (flow.result ?? {}) as { attributesBefore?: Record<string, unknown>; authenticationId?: string };
  const authenticationId = data.authenticationId ?? previous.authenticationId;
  const userId = data.userId ?? flow.userId;
  const deviceId = data.deviceId ?? flow.deviceId;
  let deviceDone = steps.includes("device_approved");
  if (!deviceDone && data.status === "Pending" && authenticationId && userId && deviceId) {
    const auth = (await client.getAuthentication<{ state?: string }>(userId, deviceId, authenticationId)).data;
    deviceDone = auth?.state === "COMPLETED";
  }
  let processStatus: string | null = null;
  if (deviceDone && data.dossierId && data.processId) {
    processStatus = (await client.getProcess<{ status?: string }>(data.dossierId, data.processId)).data?.status ?? null;
  }
  let attributesAfter: Record<string, unknown> | undefined;
  if (data.status === "Completed" && userId) attributesAfter = (await client.getUser<User>(userId)).data?.attributes;
  return {
    apiStatus: data.status,
    deviceDone,
    processStatus,
    ids: reuseIds(data),
    result: { ...data, attributesBefore: previous.attributesBefore ?? {}, ...(attributesAfter ? { attributesAfter } : {}) },
    error: data.error,
    stepDetails: { device_approved: authenticationId ? `authentication ${authenticationId}` : undefined, proofing_finished: processStatus ? `process ${processStatus}` : undefined },
  };
};
