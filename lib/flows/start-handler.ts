// The route handler every "start a flow" endpoint is: validate, check the environment,
// start, audit the outcome, and answer the flow's id or the upstream's exact error.
import type { z } from "zod";
import type { AuditAction } from "@/lib/audit/actions";
import { canRunFlows, type StaffSession } from "@/lib/auth/roles";
import { getEnvironment } from "@/lib/environments";
import type { Environment } from "@/lib/generated/prisma/client";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { SignicatError } from "@/lib/signicat/errors";
import { FlowStartError } from "./lifecycle";

export function startFlowHandler<I extends { environmentId: string }>(action: AuditAction, schema: z.ZodType<I>, start: (env: Environment, staff: StaffSession, input: I) => Promise<string>) {
  return route({ permission: canRunFlows, action, body: schema }, async ({ body, staff, audit }) => {
    audit({ environmentId: body.environmentId });
    const env = await getEnvironment(body.environmentId);
    if (!env) throw new ApiError(400, "validation_failed", "Some fields are not valid.", { environmentId: "This environment does not exist (any more)." });
    try {
      const flowId = await start(env, staff, body);
      audit({ target: `flow ${flowId}` });
      return data({ id: flowId }, { status: 201 });
    } catch (error) {
      if (!(error instanceof FlowStartError)) throw error;
      audit({ target: `flow ${error.flowId}`, detail: error.message, traceId: error.cause instanceof SignicatError ? error.cause.traceId : null });
      return errorResponse(error.cause, { flowId: error.flowId });
    }
  });
}
