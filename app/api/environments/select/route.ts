import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { getEnvironment, publicEnvironment } from "@/lib/environments";
import { ENVIRONMENT_COOKIE } from "@/lib/environments/current";
import { notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";
import { cameOverHttps } from "@/lib/security/proxy-trust";

export const dynamic = "force-dynamic";

/** Switches the environment the console's pages act on (kept in a cookie). */
export const POST = route({ permission: canRead, body: z.object({ id: z.string().min(1) }) }, async ({ body, request }) => {
  const env = await getEnvironment(body.id);
  if (!env) throw notFound("The environment");
  const response = data(publicEnvironment(env));
  // Secure whenever the browser came over https, like next-auth's own cookies.
  const secure = cameOverHttps(request.headers) ? "; Secure" : "";
  response.headers.append("set-cookie", `${ENVIRONMENT_COOKIE}=${encodeURIComponent(env.id)}; Path=/; SameSite=Lax; HttpOnly; Max-Age=31536000${secure}`);
  return response;
});
