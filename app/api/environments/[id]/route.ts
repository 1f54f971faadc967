import { z } from "zod";
import { canManageEnvironments, canRead } from "@/lib/auth/roles";
import { deleteEnvironment, getEnvironment, isEnvironmentNameTaken, publicEnvironment, updateEnvironment } from "@/lib/environments";
import { environmentDeletion, environmentUpdate } from "@/lib/environments/schema";
import { ApiError, notFound } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const params = z.object({ id: z.string().min(1) });

export const GET = route({ permission: canRead, params }, async ({ params }) => {
  const env = await getEnvironment(params.id);
  if (!env) throw notFound("The environment");
  return data(publicEnvironment(env));
});

export const PATCH = route({ permission: canManageEnvironments, action: "environment.update", params, body: environmentUpdate }, async ({ params, body, audit }) => {
  audit({ target: params.id, environmentId: params.id });
  const env = await getEnvironment(params.id);
  if (!env) throw notFound("The environment");
  if (env.kind === "embedded") throw new ApiError(409, "read_only", "The Local emulator environment is configured by the console itself.");
  // The stored secret only ever goes to the host it was entered for.
  if (!body.clientSecret && (body.baseUrl !== env.baseUrl || body.clientId !== env.clientId)) {
    throw new ApiError(400, "validation_failed", "Some fields are not valid.", { clientSecret: "Enter the client secret again when the URL or client id changes." });
  }
  if (await isEnvironmentNameTaken(body.name, env.id)) throw new ApiError(409, "name_taken", "An environment with this name exists.", { name: "An environment with this name exists." });
  const updated = await updateEnvironment(env.id, body);
  audit({ detail: `${body.clientSecret ? "secret replaced" : "secret kept"}${body.eventsSecret ? "; events secret replaced" : ""}` });
  return data(publicEnvironment(updated));
});

export const DELETE = route({ permission: canManageEnvironments, action: "environment.delete", params, body: environmentDeletion }, async ({ params, body, audit }) => {
  audit({ target: params.id, environmentId: params.id });
  const env = await getEnvironment(params.id);
  if (!env) throw notFound("The environment");
  audit({ target: env.name });
  if (env.kind === "embedded") throw new ApiError(409, "read_only", "The Local emulator environment cannot be removed.");
  // Typing the name is what makes a deletion deliberate; the handler checks it, not only the page.
  if (body.confirmName !== env.name) throw new ApiError(400, "validation_failed", "Some fields are not valid.", { confirmName: `Type ${env.name} to delete it.` });
  const { cancelledFlows } = await deleteEnvironment(env.id);
  audit({ detail: `${env.kind} ${env.baseUrl}; flows kept${cancelledFlows ? `, ${cancelledFlows} pending cancelled` : ""}` });
  return data({ id: env.id, name: env.name, cancelledFlows });
});
