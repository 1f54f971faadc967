// Running an onboarding: start it through the Signicat client, then follow it by asking
// the API (the flow, the user's devices, the Assure process) and moving the state machine.
import { z } from "zod";
import { db } from "@/lib/db";
import { clientFor } from "@/lib/environments";
import type { Environment } from "@/lib/generated/prisma/client";
import type { StaffSession } from "@/lib/auth/roles";
import { SignicatError } from "@/lib/signicat/errors";
import { onboardingBody, type OnboardingInput } from "./onboarding-input";
import { isFinal, observe, type FlowStatus, type OnboardingStep } from "./state-machine";

/** What the API's onboarding `data` holds; unknown keys are kept in the stored result. */
const onboardingData = z
  .object({
    transactionId: z.string(),
    userId: z.string().optional(),
    activationCode: z.string().optional(),
    status: z.string(),
    dossierId: z.string().optional(),
    processId: z.string().optional(),
    deviceId: z.string().optional(),
    proofingId: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string().optional() }).optional(),
  })
  .passthrough();
const onboardingResponse = z.object({ data: onboardingData });
type OnboardingData = z.infer<typeof onboardingData>;

export class FlowStartError extends Error {
  constructor(
    readonly flowId: string,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function parseData(raw: unknown): OnboardingData {
  const parsed = onboardingResponse.safeParse(raw);
  if (!parsed.success) {
    throw new SignicatError({ kind: "invalid_response", code: "invalid_response", title: "The onboarding answer did not have the expected shape", detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
  }
  return parsed.data.data;
}

export async function startOnboarding(env: Environment, staff: StaffSession, input: OnboardingInput) {
  const body = onboardingBody(input);
  const flow = await db.flow.create({
    data: {
      type: "onboarding",
      status: "Pending",
      environmentId: env.id,
      startedById: staff.id,
      externalRef: input.externalRef ?? null,
      input: JSON.stringify({ ...input, body }),
    },
  });
  try {
    const { data: raw } = await clientFor(env, { flowId: flow.id }).startOnboarding(body);
    const data = parseData(raw);
    await db.$transaction([
      db.flow.update({
        where: { id: flow.id },
        data: {
          transactionId: data.transactionId,
          userId: data.userId ?? null,
          dossierId: data.dossierId ?? null,
          processId: data.processId ?? null,
          activationCode: data.activationCode ?? null,
          result: JSON.stringify(data),
        },
      }),
      db.flowEvent.create({ data: { flowId: flow.id, kind: "status", name: "Pending", detail: `transaction ${data.transactionId}` } }),
      db.flowEvent.create({ data: { flowId: flow.id, kind: "step", name: "user_created", detail: data.userId ? `user ${data.userId}` : null } }),
    ]);
    return flow.id;
  } catch (error) {
    const message = error instanceof SignicatError ? error.describe() : error instanceof Error ? error.message : String(error);
    await db.$transaction([
      db.flow.update({
        where: { id: flow.id },
        data: { status: "Error", errorCode: error instanceof SignicatError ? error.code : "start_failed", errorMessage: message, finishedAt: new Date() },
      }),
      db.flowEvent.create({ data: { flowId: flow.id, kind: "status", name: "Error", detail: message } }),
    ]);
    throw new FlowStartError(flow.id, error);
  }
}

/** Don't ask the API more often than this per flow, however many people watch it. */
const REFRESH_INTERVAL_MS = 1_000;

export type RefreshOutcome = { refreshed: boolean; upstreamError: string | null };

export async function refreshOnboarding(flowId: string): Promise<RefreshOutcome> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, include: { environment: true, events: true } });
  if (!flow || flow.type !== "onboarding" || isFinal(flow.status) || !flow.transactionId) return { refreshed: false, upstreamError: null };
  if (Date.now() - flow.updatedAt.getTime() < REFRESH_INTERVAL_MS) return { refreshed: false, upstreamError: null };
  // Claim this refresh so concurrent viewers don't all call the API.
  const claimed = await db.flow.updateMany({ where: { id: flow.id, updatedAt: flow.updatedAt }, data: { updatedAt: new Date() } });
  if (claimed.count === 0) return { refreshed: false, upstreamError: null };

  const client = clientFor(flow.environment, { flowId: flow.id });
  try {
    const data = parseData((await client.getOnboarding(flow.transactionId)).data);
    const steps = flow.events.filter((e) => e.kind === "step").map((e) => e.name as OnboardingStep);
    let deviceActivated = !!data.deviceId || steps.includes("device_activated");
    if (!deviceActivated && data.status === "Pending" && data.userId) {
      const devices = (await client.listDevices<unknown>(data.userId)).data;
      deviceActivated = listLength(devices) > 0;
    }
    let processStatus: string | null = null;
    if (deviceActivated && data.dossierId && data.processId) {
      const process = (await client.getProcess<{ status?: string }>(data.dossierId, data.processId)).data;
      processStatus = typeof process?.status === "string" ? process.status : null;
    }
    const transition = observe({ status: flow.status as FlowStatus, steps }, { apiStatus: data.status, deviceActivated, processStatus });
    await applyTransition(flow.id, data, transition.status, transition.newSteps, processStatus);
    return { refreshed: true, upstreamError: null };
  } catch (error) {
    // The flow stays as it was; the failed exchange is recorded and the page says so.
    return { refreshed: false, upstreamError: error instanceof SignicatError ? error.describe() : String(error) };
  }
}

function listLength(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === "object") {
    for (const key of ["data", "devices", "items"]) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner.length;
    }
  }
  return 0;
}

async function applyTransition(flowId: string, data: OnboardingData, status: FlowStatus, newSteps: OnboardingStep[], processStatus: string | null) {
  await db.$transaction(async (tx) => {
    const current = await tx.flow.findUnique({ where: { id: flowId }, select: { status: true } });
    if (!current || isFinal(current.status)) return; // someone else finished it first
    const final = isFinal(status);
    await tx.flow.update({
      where: { id: flowId },
      data: {
        status,
        result: JSON.stringify(data),
        deviceId: data.deviceId ?? undefined,
        proofingId: data.proofingId ?? undefined,
        errorCode: data.error?.code ?? undefined,
        errorMessage: data.error?.message ?? (final && status !== "Completed" ? `The flow ended ${status}.` : undefined),
        finishedAt: final ? new Date() : undefined,
      },
    });
    for (const name of newSteps) {
      const detail =
        name === "device_activated" && data.deviceId ? `device ${data.deviceId}` : name === "proofing_finished" && processStatus ? `process ${processStatus}` : null;
      await tx.flowEvent.create({ data: { flowId, kind: "step", name, detail } });
    }
    if (status !== current.status) {
      await tx.flowEvent.create({ data: { flowId, kind: "status", name: status, detail: data.error ? `${data.error.code}: ${data.error.message ?? ""}` : null } });
    }
  });
}
