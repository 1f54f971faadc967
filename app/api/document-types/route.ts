import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { clientFor, getEnvironment } from "@/lib/environments";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** VideoID document types of an environment, for the onboarding form's picker. */
export const GET = route({ permission: canRead, query: z.object({ environmentId: z.string().min(1) }) }, async ({ query }) => {
  const env = await getEnvironment(query.environmentId);
  if (!env) throw notFound("The environment");
  const result = await clientFor(env).listDocumentTypes();
  const list = Array.isArray(result.data) ? result.data : ((result.data as { data?: unknown[] })?.data ?? []);
  return data(list);
});
