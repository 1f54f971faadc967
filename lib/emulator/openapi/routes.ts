// The documents' own routes: GET /emulator/{api}/api-docs, open like Signicat's (no token needed).
import { publicOrigin } from "../context";
import type { Route } from "../routes/route";
import { API_NAMES, DOCUMENT_PATHS, openApiDocument } from "./document";

export const API_DOCS_ROUTES: Route[] = API_NAMES.map((api) => ({
  method: "GET",
  path: DOCUMENT_PATHS[api],
  auth: "open",
  doc: { api: "app", tag: "Documents", operationId: `${api}ApiDocs`, summary: `The ${api} OpenAPI document` },
  answer: { status: 200, description: "OpenAPI 3.1" },
  handle: (ctx) => openApiDocument(api, publicOrigin(ctx.request)),
}));
