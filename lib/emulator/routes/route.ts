/**
 * One entry of the emulator's route table: where it answers, who may call it, the zod schemas
 * of its body, query and answer, and what the OpenAPI documents say about it. The router parses
 * the body and query with these schemas before `handle` runs, so a domain function receives
 * parsed values; the documents (lib/emulator/openapi) are generated from the same schemas.
 */
import type { z } from "zod";
import type { RequestContext } from "../context";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Which published document an operation belongs to; "app" (the virtual app's own protocol) is in none. */
export type Api = "auth" | "reuseid" | "mobileid" | "assure" | "emulator" | "app";

export type Example = { summary: string; value: unknown };

export type OperationDoc = {
  api: Api;
  tag: string;
  summary: string;
  description?: string;
  operationId: string;
  /** Request body examples; the first is what Postman's "Example" parameter generation uses. */
  examples?: Record<string, Example>;
  responseExample?: unknown;
};

export type Answer = {
  status: number;
  description: string;
  /** Absent for 204 and for binary answers. */
  schema?: z.ZodType;
  /** Default application/json. */
  contentTypes?: string[];
};

export type Input<B, Q> = { body: B; query: Q };

export type Route = {
  method: Method;
  path: string; // relative to /emulator; ":name" segments are parameters
  /** "bearer": an access token of the account is required; "open": no token (OAuth, discovery, the app side, which signs its own requests). */
  auth: "bearer" | "open";
  doc: OperationDoc;
  /** A JSON body (or, with `bodyType: "form"`, form fields) parsed by the router. */
  body?: z.ZodType;
  bodyType?: "json" | "form";
  /** The query parameters as an object of strings, parsed by the router. */
  query?: z.ZodType;
  answer: Answer;
  /** Error statuses the operation documents besides 400/401/403 (which every bearer route has). */
  errors?: number[];
  /**
   * Method syntax on purpose: its parameters are checked bivariantly, so a handler typed by its
   * own schemas (defineRoute) fits the table; the router passes what those schemas parsed.
   */
  handle(ctx: RequestContext, input: Input<unknown, unknown>): unknown;
};

type Typed<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = Omit<Route, "body" | "query" | "handle"> & {
  body?: B;
  query?: Q;
  handle: (ctx: RequestContext, input: Input<B extends z.ZodType ? z.output<B> : undefined, Q extends z.ZodType ? z.output<Q> : undefined>) => unknown;
};

/** Declares a route with its handler typed by its own schemas. */
export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(route: Typed<B, Q>): Route {
  return route;
}
