// Reusing the identity: a MobileID authentication of a user's device, optionally asking
// for user attributes, followed until the device approves, rejects or lets it expire.
import { z } from "zod";
import type { Environment } from "@/lib/generated/prisma/client";
import type { StaffSession } from "@/lib/auth/roles";
import { SignicatError } from "@/lib/signicat/errors";
import { authenticationBody, type AuthenticationInput } from "./authentication-input";
import { startFlow, type Follower } from "./lifecycle";

const authenticationData = z.object({ authenticationId: z.string(), state: z.string(), expiresAt: z.string().optional(), userAttributes: z.record(z.string(), z.unknown()).optional() }).passthrough();

function parse(raw: unknown) {
  const parsed = authenticationData.safeParse(raw);
  if (!parsed.success) {
    throw new SignicatError({
      kind: "invalid_response",
      code: "invalid_response",
      title: "The authentication answer did not have the expected shape",
      detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  }
  return parsed.data;
}

const REASONS: Record<string, { code: string; message: string }> = {
  FAILED: { code: "authentication_rejected", message: "The device rejected the authentication." },
  EXPIRED: { code: "authentication_expired", message: "The device did not answer before the authentication expired." },
  CANCELED: { code: "authentication_cancelled", message: "The authentication was cancelled." },
};

export function startAuthentication(env: Environment, staff: StaffSession, input: AuthenticationInput) {
  const body = authenticationBody(input);
  return startFlow(env, staff, { type: "authentication", input: { ...input, body }, userId: input.userId, deviceId: input.deviceId }, async (client) => {
    const data = parse((await client.startAuthentication(input.userId, input.deviceId, body)).data);
    return { ids: { transactionId: data.authenticationId }, result: data, detail: `device ${input.deviceId} asked` };
  });
}

export const followAuthentication: Follower = async (client, flow) => {
  const data = parse((await client.getAuthentication(flow.userId!, flow.deviceId!, flow.transactionId!)).data);
  return {
    apiStatus: data.state,
    deviceDone: data.state === "COMPLETED",
    result: data,
    error: REASONS[data.state] ?? null,
    stepDetails: { device_approved: "signature verified by the service" },
  };
};
