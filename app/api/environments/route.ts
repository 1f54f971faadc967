import { canManageEnvironments, canRead } from "@/lib/auth/roles";
import { createEnvironment, isEnvironmentNameTaken, listEnvironments, publicEnvironment } from "@/lib/environments";
import { environmentInput } from "@/lib/environments/schema";
import { ApiError } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canRead }, async () => data((await listEnvironments()).map(publicEnvironment)));

export const POST = route({ permission: canManageEnvironments, action: "environment.create", body: environmentInput }, async ({ body, audit }) => {
  audit({ target: body.name });
  if (await isEnvironmentNameTaken(body.name)) throw new ApiError(409, "name_taken", "An environment with this name exists.", { name: "An environment with this name exists." });
  const env = await createEnvironment(body);
  audit({ environmentId: env.id, detail: `${env.kind} ${env.baseUrl}` });
  return data(publicEnvironment(env), { status: 201 });
});
