// 1. Authentication: the OAuth 2.0 token endpoint and the discovery document of the token's issuer.
import { exchangeClientCredentials, tokenForm } from "../clients";
import { issuerFor } from "../context";
import { discoveryResponse, jwksResponse, tokenResponse } from "../contract/responses";
import { applyFaults } from "../faults";
import { discoveryDocument, jwks } from "../tokens";
import { defineRoute, type Route } from "./route";

const TOKEN_PATH = "/auth/open/connect/token";

export const AUTH_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: TOKEN_PATH,
    auth: "open",
    doc: {
      api: "auth",
      tag: "Token",
      operationId: "getToken",
      summary: "Get an access token (client credentials)",
      description:
        "OAuth 2.0 client credentials grant. Authenticate with HTTP Basic (client id and secret) or with client_id and client_secret form fields. " +
        "The token is a JWT that names the client's account; send it as `Authorization: Bearer …` to every other operation.",
      examples: { clientCredentials: { summary: "The quick start's token request", value: { grant_type: "client_credentials", scope: "signicat-api" } } },
    },
    body: tokenForm,
    bodyType: "form",
    answer: { status: 200, description: "The access token.", schema: tokenResponse },
    handle: (ctx, { body }) => exchangeClientCredentials(ctx.request, body, issuerFor(ctx.origin), (accountId) => applyFaults(accountId, TOKEN_PATH)),
  }),
  defineRoute({
    method: "GET",
    path: "/auth/open/.well-known/openid-configuration",
    auth: "open",
    doc: { api: "auth", tag: "Discovery", operationId: "getOpenIdConfiguration", summary: "The issuer's discovery document" },
    answer: { status: 200, description: "Where the token endpoint and the signing keys are.", schema: discoveryResponse },
    handle: (ctx) => discoveryDocument(issuerFor(ctx.origin)),
  }),
  defineRoute({
    method: "GET",
    path: "/auth/open/.well-known/openid-configuration/jwks",
    auth: "open",
    doc: { api: "auth", tag: "Discovery", operationId: "getJwks", summary: "The keys that sign access tokens" },
    answer: { status: 200, description: "A JSON Web Key Set (ES256).", schema: jwksResponse },
    handle: () => jwks(),
  }),
];
