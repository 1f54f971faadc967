import { canRead } from "@/lib/auth/roles";
import { consoleOpenApiDocument } from "@/lib/http/console-openapi";
import { route } from "@/lib/http/route";
import { CONSOLE_OPERATIONS } from "./catalog";

export const dynamic = "force-dynamic";

/** The console's own API as OpenAPI 3.1, generated from its route() schemas. */
export const GET = route({ permission: canRead }, ({ request }) => Promise.resolve(Response.json(consoleOpenApiDocument(CONSOLE_OPERATIONS, new URL(request.url).origin))));
