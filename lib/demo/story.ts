/**
 * The presenter view's three flows, always in the Demo environment: an onboarding, a step-up of
 * the user it made, and a reuse authentication of that user's device that asks for the identity
 * the proofing wrote. A flow of any other environment is "not found" here, so the demo role can
 * only ever see and start the Demo environment's flows.
 */
import { z } from "zod";
import type { StaffSession } from "@/lib/auth/roles";
import { clientFor } from "@/lib/environments";
import { startAuthentication } from "@/lib/flows/authentication";
import { checkFlowIfDue } from "@/lib/flows/watcher";
import { FlowStartError } from "@/lib/flows/lifecycle";
import { startOnboarding } from "@/lib/flows/onboarding";
import { getFlowDetail, getFlowWithEnvironment, type FlowDetail } from "@/lib/data/queries/flows";
import { startStepUp } from "@/lib/flows/stepup";
import { ApiError, notFound } from "@/lib/http/api-error";
import { getBrand } from "./brands";
import { ensureDemoEnvironment, isDemoEnvironment } from "./environment";

export const demoStepInput = z.discriminatedUnion(
  "step",
  [
    z.object({ step: z.literal("onboarding"), brandId: z.string().max(100).optional() }),
    z.object({ step: z.literal("stepup"), after: z.string("Give the onboarding the step-up follows.").min(1).max(100) }),
    z.object({ step: z.literal("authentication"), after: z.string("Give the onboarding the sign-in follows.").min(1).max(100), brandId: z.string().max(100).optional() }),
  ],
  { message: "step must be onboarding, stepup or authentication" },
);
export type DemoStepInput = z.infer<typeof demoStepInput>;

/** What the bank asks the reused identity for. */
export const REUSED_ATTRIBUTES = ["firstName", "lastName", "dateOfBirth", "nationality"] as const;

export const signInText = (customer: string | null | undefined) => `Sign in to ${customer?.trim() || "the bank"}`;

/** Starts the step's flow in the Demo environment; answers its id (a refused start still has one). */
export async function startDemoStep(staff: StaffSession, input: DemoStepInput): Promise<string> {
  const env = await ensureDemoEnvironment();
  try {
    if (input.step === "onboarding") {
      return await startOnboarding(env, staff, { environmentId: env.id, provider: "videoid", docTypes: [], bodyShape: "current", externalRef: `demo-${Date.now().toString(36)}` });
    }
    const onboarding = await getDemoFlowRow(input.after);
    if (onboarding.type !== "onboarding" || onboarding.status !== "Completed" || !onboarding.userId || !onboarding.deviceId) {
      throw new ApiError(409, "onboarding_not_completed", "The onboarding has not completed yet: the customer's phone must finish it first.");
    }
    const who = { userId: onboarding.userId, deviceId: onboarding.deviceId };
    if (input.step === "stepup") return await startStepUp(env, staff, { environmentId: env.id, provider: "videoid", docTypes: [], bodyShape: "current", ...who });
    const brand = input.brandId ? await getBrand(input.brandId) : null;
    return await startAuthentication(env, staff, {
      environmentId: env.id,
      ...who,
      preOperationContext: signInText(brand?.name),
      postOperationContext: undefined,
      requestedUserAttributes: [...REUSED_ATTRIBUTES],
    });
  } catch (error) {
    if (error instanceof FlowStartError) return error.flowId; // the flow shows the refusal
    throw error;
  }
}

async function getDemoFlowRow(id: string) {
  const flow = await getFlowWithEnvironment(id);
  if (!flow || !isDemoEnvironment(flow.environment)) throw notFound("The demo flow");
  return flow;
}

export type DemoFlow = Omit<FlowDetail, "input" | "startedBy"> & { upstreamError: string | null };

/** A demo flow as it is now (running the watcher's check first when one is due). */
export async function getDemoFlow(id: string): Promise<DemoFlow> {
  await getDemoFlowRow(id);
  await checkFlowIfDue(id);
  const flow = await getFlowDetail(id);
  if (!flow) throw notFound("The demo flow");
  const { input: _input, startedBy: _startedBy, ...rest } = flow;
  return rest;
}

/** The demo flow's proofing record, or one of its images, from the Assure API. */
export async function getDemoProofing(id: string) {
  const flow = await getDemoFlowRow(id);
  if (!flow.dossierId || !flow.processId) throw new ApiError(409, "no_proofing", "This flow has no proofing process.");
  const result = await clientFor(flow.environment, { flowId: flow.id }).getProcess(flow.dossierId, flow.processId);
  return { process: result.data, traceId: result.traceId };
}

export async function getDemoProofingImage(id: string, depiction: "front" | "back" | "selfie") {
  const flow = await getDemoFlowRow(id);
  if (!flow.dossierId || !flow.processId) throw new ApiError(409, "no_proofing", "This flow has no proofing process.");
  return clientFor(flow.environment, { flowId: flow.id }).getProcessImage(flow.dossierId, flow.processId, depiction);
}
