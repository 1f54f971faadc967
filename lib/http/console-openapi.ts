/**
 * The console's own API as an OpenAPI 3.1 document, generated from what each route() handler
 * declares: its params, query and body zod schemas, its permission (probed with every role)
 * and its audit action. Sign-in is the console's session cookie; every error is the one shape.
 */
import { z } from "zod";
import { ROLES, type Permission, type Role } from "@/lib/auth/roles";
import type { RouteSpec } from "./route";

export type ConsoleOperation = { tag: string; path: string; module: object; summaries: Record<string, string> };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Json = Record<string, unknown>;

export const consoleError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe("Field name → what is wrong with it."),
    upstream: z
      .object({
        status: z.int().nullable(),
        code: z.string(),
        title: z.string(),
        detail: z.string(),
        traceId: z.string().nullable(),
        invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })),
      })
      .optional(),
    flowId: z.string().optional(),
  }),
});

function schemaOf(schema: z.ZodType): Json {
  const result = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: ({ jsonSchema: node }) => {
      if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
      if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    },
  }) as Json;
  delete result.$schema;
  return result;
}

export function rolesAllowed(permission: Permission): Role[] {
  return ROLES.filter((role) => permission({ id: "probe", email: "probe@example.test", name: "probe", role }));
}

function parameters(spec: RouteSpec, path: string): Json[] {
  const result: Json[] = [];
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const paramSchema = spec.params ? (schemaOf(spec.params) as { properties?: Record<string, Json> }) : {};
  for (const name of names) result.push({ name, in: "path", required: true, schema: paramSchema.properties?.[name] ?? { type: "string" } });
  if (spec.query) {
    const query = schemaOf(spec.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) result.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
  }
  return result;
}

function operation(method: string, spec: RouteSpec, entry: ConsoleOperation): Json {
  const roles = rolesAllowed(spec.permission);
  const description = [`Roles: ${roles.join(", ")}.`, spec.action ? `Recorded in the audit trail as \`${spec.action}\`.` : "Reads only."].join(" ");
  const error = (text: string) => ({ description: text, content: { "application/json": { schema: { $ref: "#/components/schemas/ConsoleError" } } } });
  const op: Json = {
    tags: [entry.tag],
    summary: entry.summaries[method] ?? `${method} ${entry.path}`,
    description,
    operationId: `${method.toLowerCase()}${entry.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    "x-roles": roles,
    parameters: parameters(spec, entry.path),
    responses: {
      "200": { description: "`{data: …}` (exports and images answer their own content type)" },
      "400": error("Invalid input; `fields` names each wrong field."),
      "401": error("Not signed in."),
      "403": error("The role may not do this, or the request came from another site."),
      "404": error("Not found."),
    },
  };
  if (spec.body) op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(spec.body) } } };
  return op;
}

export function consoleOpenApiDocument(entries: ConsoleOperation[], origin: string): Json {
  const paths: Record<string, Json> = {};
  for (const entry of entries) {
    for (const method of METHODS) {
      const handler = (entry.module as Record<string, unknown>)[method] as { spec?: RouteSpec } | undefined;
      if (!handler?.spec) continue;
      paths[entry.path] = { ...paths[entry.path], [method.toLowerCase()]: operation(method, handler.spec, entry) };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ReuseID Console API",
      version: "1.0.0",
      description:
        "The console's own API, as its pages use it: start and follow flows, find end-users, manage environments, the emulator, staff and the audit trail. " +
        "Sign in through the console (the session cookie authenticates); every change is checked against the caller's role and recorded in the audit trail. " +
        "Changes must come from the console's own origin (Origin or Sec-Fetch-Site); errors are `{error: {code, message, fields?}}`.",
    },
    servers: [{ url: origin }],
    tags: [...new Set(entries.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The console's sign-in session." } },
      schemas: { ConsoleError: schemaOf(consoleError) },
    },
    security: [{ session: [] }],
  };
}
