import { z } from "zod";
import { canManageEnvironments } from "@/lib/auth/roles";
import { clientFor, getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** "Test connection": fetches a fresh token with the stored credentials. */
export const POST = route({ permission: canManageEnvironments, action: "environment.test", params: z.object({ id: z.string() }) }, async ({ params, audit }) => {
  audit({ target: params.id, environmentId: params.id });
  const env = await getEnvironment(params.id);
  if (!env) throw notFound("The environment");
  const started = performance.now();
  const result = await clientFor(env, { timeoutMs: 10_000 }).testConnection();
  return data({ ok: true, expiresIn: result.expiresIn, scope: result.scope, durationMs: Math.round(performance.now() - started) });
});
