import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { getEnvironment, publicEnvironment } from "@/lib/environments";
import { environmentCollection, environmentPostmanEnvironment } from "@/lib/flows/replay/export";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** An environment's Postman files: the environment (no secret but the emulator's development default) or the quick-start collection. */
export const GET = route({ permission: canRead, params: z.object({ id: z.string().min(1) }), query: z.object({ file: z.enum(["environment", "collection"]) }) }, async ({ params, query, request }) => {
  const env = await getEnvironment(params.id);
  if (!env) throw notFound("The environment");
  const view = publicEnvironment(env);
  const origin = new URL(request.url).origin;
  const slug =
    env.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "environment";
  const body = query.file === "environment" ? environmentPostmanEnvironment(view, origin) : environmentCollection(view, origin);
  const filename = `${slug}.postman_${query.file}.json`;
  return new Response(JSON.stringify(body, null, 2), { headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${filename}"` } });
});
