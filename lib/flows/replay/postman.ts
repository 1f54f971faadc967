/**
 * A replay plan as a Postman collection (v2.1) and an environment as a Postman environment.
 * The collection gets its own token first (newman and a fresh import have none), keeps the ids
 * in collection variables with the plan's `{{name}}` syntax, which is Postman's own, tests each
 * status, and polls by running the last request again until the flow leaves its pending state.
 */
import { randomUUID } from "node:crypto";
import { signicatPaths } from "@/lib/signicat/routes";
import type { ReplayPlan, ReplayStep } from "./plan";

export type PostmanTarget = { baseUrl: string; clientId: string; /** Only the emulator's development default is written in. */ defaultSecret?: string };

const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/** A script helper: the first scalar field of that name anywhere in the answer. */
const FIND = [
  "function field(value, key) {",
  "  if (!value || typeof value !== 'object') return undefined;",
  "  if (key in value && typeof value[key] !== 'object') return value[key];",
  "  for (const inner of Object.values(value)) { const found = field(inner, key); if (found !== undefined) return found; }",
  "  return undefined;",
  "}",
];

const js = (value: unknown) => JSON.stringify(value);

function tokenItem() {
  return {
    name: "Get an access token",
    request: {
      method: "POST",
      auth: { type: "noauth" },
      header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
      url: `{{baseUrl}}${signicatPaths.token()}`,
      body: {
        mode: "urlencoded",
        urlencoded: [
          { key: "grant_type", value: "client_credentials" },
          { key: "scope", value: "signicat-api" },
          { key: "client_id", value: "{{clientId}}" },
          { key: "client_secret", value: "{{clientSecret}}" },
        ],
      },
    },
    event: [
      {
        listen: "test",
        script: { type: "text/javascript", exec: ["pm.test('HTTP 200', () => pm.response.to.have.status(200));", "pm.collectionVariables.set('accessToken', pm.response.json().access_token);"] },
      },
    ],
  };
}

function stepItem(step: ReplayStep) {
  const tests = [...FIND, `pm.test(${js(`HTTP ${step.expectStatus}`)}, () => pm.response.to.have.status(${step.expectStatus}));`];
  const prerequest: string[] = [];
  for (const [name, key] of Object.entries(step.captures ?? {})) {
    tests.push(
      `pm.collectionVariables.set(${js(name)}, field(pm.response.json(), ${js(key)}));`,
      `pm.test(${js(`read ${key}`)}, () => pm.expect(pm.collectionVariables.get(${js(name)})).to.be.a('string').and.not.empty);`,
    );
  }
  if (step.poll) {
    const { field, pending, success, intervalSeconds, maxAttempts } = step.poll;
    prerequest.push("const attempt = Number(pm.collectionVariables.get('pollAttempt') || 0);", `if (attempt > 0) setTimeout(() => {}, ${intervalSeconds * 1000});`);
    tests.push(
      "const attempt = Number(pm.collectionVariables.get('pollAttempt') || 0);",
      `const state = field(pm.response.json(), ${js(field)});`,
      `if (state === ${js(pending)} && attempt + 1 < ${maxAttempts}) {`,
      "  pm.collectionVariables.set('pollAttempt', String(attempt + 1));",
      "  postman.setNextRequest(pm.info.requestName);",
      "} else {",
      "  pm.collectionVariables.set('pollAttempt', '0');",
      `  pm.test(${js(`${field} is ${success}`)}, () => pm.expect(state).to.eql(${js(success)}));`,
      "}",
    );
  }
  const request: Record<string, unknown> = { method: step.method, header: [] as unknown[], url: `{{baseUrl}}${step.path}` };
  if (step.body !== undefined) {
    request.header = [{ key: "Content-Type", value: "application/json" }];
    request.body = { mode: "raw", raw: JSON.stringify(step.body, null, 2), options: { raw: { language: "json" } } };
  }
  const event: unknown[] = [{ listen: "test", script: { type: "text/javascript", exec: tests } }];
  if (prerequest.length > 0) event.unshift({ listen: "prerequest", script: { type: "text/javascript", exec: prerequest } });
  return { name: step.name, request, event };
}

export function replayCollection(plan: ReplayPlan, target: PostmanTarget) {
  const captured = [...new Set(plan.steps.flatMap((s) => Object.keys(s.captures ?? {})))];
  return {
    info: { _postman_id: randomUUID(), name: plan.title, description: [...plan.summary, "Run it in order (Run collection, or newman run). Fill in clientSecret first."].join("\n"), schema: SCHEMA },
    auth: { type: "bearer", bearer: [{ key: "token", value: "{{accessToken}}", type: "string" }] },
    variable: [
      { key: "baseUrl", value: target.baseUrl },
      { key: "clientId", value: target.clientId },
      { key: "clientSecret", value: target.defaultSecret ?? "" },
      { key: "accessToken", value: "" },
      { key: "pollAttempt", value: "0" },
      ...captured.map((key) => ({ key, value: "" })),
    ],
    item: [tokenItem(), ...plan.steps.map(stepItem)],
  };
}

/** A Postman environment for a console environment: where its API is and which client it uses; the secret only when it is the emulator's development default. */
export function postmanEnvironment(name: string, target: PostmanTarget) {
  const value = (key: string, v: string, type = "default") => ({ key, value: v, type, enabled: true });
  return {
    id: randomUUID(),
    name,
    values: [
      value("baseUrl", target.baseUrl),
      value("tokenUrl", `${target.baseUrl}${signicatPaths.token()}`),
      value("clientId", target.clientId),
      value("clientSecret", target.defaultSecret ?? "", "secret"),
    ],
    _postman_variable_scope: "environment",
  };
}
