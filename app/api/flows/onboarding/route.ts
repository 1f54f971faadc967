import { canRunFlows } from "@/lib/auth/roles";
import { getEnvironment } from "@/lib/environments";
import { FlowStartError } from "@/lib/flows/lifecycle";
import { startOnboarding } from "@/lib/flows/onboarding";
import { onboardingInput } from "@/lib/flows/onboarding-input";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { recordAudit } from "@/lib/audit";
import { SignicatError } from "@/lib/signicat/errors";

export const dynamic = "force-dynamic";

export const POST = route({ permission: canRunFlows, body: onboardingInput }, async ({ body, staff }) => {
  const env = await getEnvironment(body.environmentId);
  if (!env) throw new ApiError(400, "validation_failed", "Some fields are not valid.", { environmentId: "This environment does not exist (any more)." });
  const audit = (outcome: "ok" | "error", target: string, detail?: string, traceId?: string | null) =>
    recordAudit({ actor: staff, action: "flow.onboarding.start", target, environmentId: env.id, outcome, detail, traceId });
  try {
    const flowId = await startOnboarding(env, staff, body);
    await audit("ok", flowId);
    return data({ id: flowId }, { status: 201 });
  } catch (error) {
    if (!(error instanceof FlowStartError)) throw error;
    const cause = error.cause;
    await audit("error", error.flowId, error.message, cause instanceof SignicatError ? cause.traceId : null);
    return errorResponse(cause, { flowId: error.flowId });
  }
});
