/**
 * OpenAPI 3.1 documents of the emulator, generated from the route table: each route's zod
 * body, query and answer schemas become the operation's request body, parameters and
 * responses, so the documents describe exactly what the router validates and the contract
 * tests check. `servers` and the OAuth2 token URL are absolute, built from the origin the
 * caller used, so a collection imported into Postman runs as it is.
 */
import { z } from "zod";
import { EMULATOR_BASE_PATH } from "../context";
import { assureError, oauthError, productError } from "../contract/responses";
import { API_ROUTES } from "../routes";
import type { Route } from "../routes/route";
import { NOT_EMULATED } from "./not-emulated";

export type ApiName = "auth" | "reuseid" | "mobileid" | "assure" | "emulator";

export const API_NAMES: ApiName[] = ["reuseid", "mobileid", "assure", "auth", "emulator"];

const INFO: Record<ApiName, { title: string; description: string }> = {
  reuseid: { title: "ReuseID ready-made flows (emulator)", description: "ID onboarding and ID step-up, as Signicat's ReuseID API answers them." },
  mobileid: { title: "MobileID core API (emulator)", description: "Users, device registrations, devices, authentications, transactions and identity proofings." },
  assure: { title: "Assure API (emulator)", description: "The identity proofing records of ReuseID flows: dossiers, processes, images and VideoID document types." },
  auth: { title: "Signicat authentication (emulator)", description: "The OAuth 2.0 client-credentials token endpoint and its discovery document." },
  emulator: {
    title: "Emulator control: simulator and events",
    description: "The emulator's own APIs (not Signicat's): do what a phone does (activate, finish a proofing, approve), inject faults, reset, and subscribe to events.",
  },
};

/** Where each document is served, relative to /emulator (the first is the quick start's URL). */
export const DOCUMENT_PATHS: Record<ApiName, string> = {
  reuseid: "/reuseid/api-docs",
  mobileid: "/mobileid/api-docs",
  assure: "/assure/api-docs",
  auth: "/auth/api-docs",
  emulator: "/simulator/api-docs",
};

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid request parameters (invalidParams names each field).",
  401: "The access token is missing, expired or malformed.",
  403: "The client may not act for the account named by signicat-accountid.",
  404: "Not found.",
  409: "Conflict with the current state.",
  422: "Not possible in the current state (e.g. a locked device or an expired flow).",
  500: "Internal error (or a fault injected with PUT /simulator/faults).",
};

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without zod's integer-range noise. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const result = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ jsonSchema: node }) => {
      if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
      if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    },
  }) as Json;
  delete result.$schema;
  return result;
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");
const pathParameters = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

function errorSchemaRef(route: Route): string {
  if (route.doc.api === "assure") return "#/components/schemas/AssureError";
  if (route.doc.api === "auth" && route.method === "POST") return "#/components/schemas/OAuthError";
  return "#/components/schemas/ProductError";
}

function parameters(route: Route): Json[] {
  const result: Json[] = pathParameters(route.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" }, example: `{{${name}}}` }));
  if (route.query) {
    const schema = jsonSchema(route.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const example: unknown = Array.isArray(property.enum) ? property.enum[0] : undefined;
      result.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: property, ...(example !== undefined ? { example } : {}) });
    }
  }
  return result;
}

function requestBody(route: Route): Json | undefined {
  if (!route.body) return undefined;
  const contentType = route.bodyType === "form" ? "application/x-www-form-urlencoded" : "application/json";
  const media: Json = { schema: jsonSchema(route.body, "input") };
  if (route.doc.examples) media.examples = route.doc.examples;
  return { required: route.bodyType === "form", content: { [contentType]: media } };
}

function responses(route: Route): Json {
  const { answer } = route;
  const success: Json = { description: answer.description };
  if (answer.schema) {
    const media: Json = { schema: jsonSchema(answer.schema, "output") };
    if (route.doc.responseExample !== undefined) media.example = route.doc.responseExample;
    success.content = { [answer.contentTypes?.[0] ?? "application/json"]: media };
  } else if (answer.contentTypes) {
    success.content = Object.fromEntries(answer.contentTypes.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]));
  }
  const statuses = new Set<number>(route.auth === "bearer" ? [400, 401, 403] : route.body ? [400] : []);
  if (route.doc.api === "auth" && route.body) statuses.add(401);
  for (const status of route.errors ?? []) statuses.add(status);
  statuses.add(500);
  const result: Json = { [String(answer.status)]: success };
  for (const status of [...statuses].sort()) {
    if (status === 403 && route.doc.api === "auth") continue;
    result[String(status)] = { description: ERROR_TEXT[status] ?? "Error.", content: { "application/json": { schema: { $ref: errorSchemaRef(route) } } } };
  }
  return result;
}

function operation(route: Route): Json {
  const op: Json = {
    tags: [route.doc.tag],
    summary: route.doc.summary,
    operationId: route.doc.operationId,
    parameters: parameters(route),
    responses: responses(route),
  };
  if (route.doc.description) op.description = route.doc.description;
  const body = requestBody(route);
  if (body) op.requestBody = body;
  op.security = route.auth === "bearer" ? [{ oauth2: ["signicat-api"] }] : [];
  return op;
}

function description(api: ApiName): string {
  const lines = [
    INFO[api].description,
    "",
    "Served by the embedded emulator of the ReuseID Console: the same paths, bodies and errors as Signicat, with test data only.",
    // not a per-operation parameter: Postman would send an optional parameter's placeholder, and a wrong account is 403
    "Every bearer operation also takes `signicat-accountId` (query or header; the name is read without regard to case): it must name the token's own account.",
  ];
  const missing = NOT_EMULATED[api];
  if (missing.length > 0) lines.push("", "Not emulated (these answer 404 not_found):", ...missing.map((item) => `- ${item}`));
  return lines.join("\n");
}

/** The OpenAPI 3.1 document of one API, for a caller at `origin` (e.g. http://localhost:3000). */
export function openApiDocument(api: ApiName, origin: string): Json {
  const base = `${origin}${EMULATOR_BASE_PATH}`;
  const paths: Record<string, Json> = {};
  for (const route of API_ROUTES.filter((r) => r.doc.api === api)) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: { title: INFO[api].title, version: "1.0.0", description: description(api) },
    servers: [{ url: base, description: "The embedded emulator at the origin this document was fetched from" }],
    tags: [...new Set(API_ROUTES.filter((r) => r.doc.api === api).map((r) => r.doc.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          description: "Client credentials: an API client of the emulator (the default one is emulator-client, its secret the console's EMULATOR_CLIENT_SECRET; more on the console's Emulator page).",
          flows: { clientCredentials: { tokenUrl: `${base}/auth/open/connect/token`, scopes: { "signicat-api": "Every Signicat API" } } },
        },
      },
      schemas: {
        ProductError: jsonSchema(productError, "output"),
        AssureError: jsonSchema(assureError, "output"),
        OAuthError: jsonSchema(oauthError, "output"),
      },
    },
  };
}
