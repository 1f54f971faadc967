/**
 * Runs a Postman collection with newman (Postman's command-line runner) in this process, for
 * tests, and returns what each request answered. newman does not fetch OAuth 2.0 tokens the
 * way the Postman app does ("Get New Access Token"), so `withTokenScript` adds the collection
 * pre-request script a tester would otherwise replace with that button.
 */
import newman from "newman";

export type NewmanExecution = { name: string; method: string; url: string; status: number; body: string; failedTests: string[] };

/** A collection's item, as far as withTokenScript reads it: a folder of items, or a request whose auth may be OAuth 2.0. */
type PostmanItem = { item?: PostmanItem[]; request?: { auth?: { type: string; oauth2: { key: string }[] } } & Record<string, unknown> } & Record<string, unknown>;

type Collection = { item: unknown[]; event?: unknown[]; variable?: { key: string; value: unknown }[] } & Record<string, unknown>;

export function runNewman(collection: object, options: { folder?: string; envVar?: { key: string; value: string }[] } = {}): Promise<{ executions: NewmanExecution[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    newman.run({ collection, reporters: [], folder: options.folder, envVar: options.envVar, timeoutRequest: 10_000 }, (error, summary) => {
      if (error) return reject(error);
      const executions = summary.run.executions.map((execution) => {
        const { request, response } = execution;
        return {
          name: execution.item.name,
          method: request.method,
          url: request.url.toString(),
          status: response?.code ?? 0,
          body: response?.stream ? Buffer.from(response.stream).toString("utf8") : "",
          failedTests: (execution.assertions ?? []).filter((a) => a.error).map((a) => `${a.assertion}: ${a.error?.message}`),
        };
      });
      resolve({ executions, failures: summary.run.failures.map((f) => `${f.source?.name ?? "?"}: ${f.error.message}`) });
    });
  });
}

/**
 * A collection-level pre-request script that fetches a client-credentials token once (and again
 * when it is about to expire) into `accessToken`, which every request's OAuth 2.0 auth then uses.
 */
export function withTokenScript(collection: Collection, token: { url: string; clientId: string; clientSecret: string }): Collection {
  const script = [
    "const expires = Number(pm.collectionVariables.get('accessTokenExpires') || 0);",
    "if (pm.collectionVariables.get('accessToken') && Date.now() < expires - 30000) return;",
    "pm.sendRequest({",
    `  url: ${JSON.stringify(token.url)}, method: 'POST',`,
    "  header: { 'Content-Type': 'application/x-www-form-urlencoded' },",
    `  body: { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'client_credentials' }, { key: 'scope', value: 'signicat-api' }, { key: 'client_id', value: ${JSON.stringify(token.clientId)} }, { key: 'client_secret', value: ${JSON.stringify(token.clientSecret)} }] }`,
    "}, (err, res) => {",
    "  if (err) throw err;",
    "  const body = res.json();",
    "  pm.collectionVariables.set('accessToken', body.access_token);",
    "  pm.collectionVariables.set('accessTokenExpires', String(Date.now() + body.expires_in * 1000));",
    "});",
  ];
  const addToken = (item: PostmanItem): PostmanItem => {
    if (Array.isArray(item.item)) return { ...item, item: item.item.map(addToken) };
    const auth = item.request?.auth;
    if (auth?.type !== "oauth2") return item;
    const oauth2 = [...auth.oauth2.filter((p) => p.key !== "accessToken" && p.key !== "addTokenTo"), { key: "accessToken", value: "{{accessToken}}" }, { key: "addTokenTo", value: "header" }];
    return { ...item, request: { ...item.request, auth: { type: "oauth2", oauth2 } } };
  };
  return {
    ...collection,
    item: (collection.item as PostmanItem[]).map(addToken),
    variable: [...(collection.variable ?? []), { key: "accessToken", value: "" }, { key: "accessTokenExpires", value: "0" }],
    event: [...(collection.event ?? []), { listen: "prerequest", script: { type: "text/javascript", exec: script } }],
  };
}
