import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answer, startEmulatorWithDefaults } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { API_ROUTES } from "../routes";
import { API_NAMES, DOCUMENT_PATHS } from "./document";
import { NOT_EMULATED } from "./not-emulated";

let server: EmulatorServer;

beforeAll(async () => {
  ({ server } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

const fetchDocument = async (path: string, headers: Record<string, string> = {}) => answer(await fetch(`${server.baseUrl}${path}`, { headers }));

describe("the emulator's OpenAPI documents", () => {
  it("serves the ReuseID document at the quick start's URL, without a token, with absolute server and token URLs", async () => {
    const res = await fetchDocument("/reuseid/api-docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([expect.objectContaining({ url: `${server.origin}/emulator` })]);
    expect(doc.components.securitySchemes.oauth2.flows.clientCredentials).toEqual({ tokenUrl: `${server.origin}/emulator/auth/open/connect/token`, scopes: { "signicat-api": expect.any(String) } });
    // behind a trusted proxy (TRUST_PROXY), the URLs follow the origin the caller used
    vi.stubEnv("TRUST_PROXY", "1");
    const proxied = await fetchDocument("/reuseid/api-docs", { "x-forwarded-host": "console.example", "x-forwarded-proto": "https" });
    expect(proxied.body.servers[0].url).toBe("https://console.example/emulator");
    expect(proxied.body.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe("https://console.example/emulator/auth/open/connect/token");
    vi.unstubAllEnvs();
  });

  it("gives the onboarding operation a tag, a summary, the quick start's two request examples, a response example and its errors", async () => {
    const doc = (await fetchDocument("/reuseid/api-docs")).body;
    const start = doc.paths["/reuseid/id-onboardings"].post;
    expect(start.tags).toEqual(["ID onboarding"]);
    expect(start.summary).toBe("Start an ID onboarding");
    expect(start.security).toEqual([{ oauth2: ["signicat-api"] }]);
    const media = start.requestBody.content["application/json"];
    expect(media.examples.minimal.value).toEqual({ input: {} });
    expect(media.examples.docTypes.value.input.eidProviderOptions).toEqual({ docTypes: [138, 191], defaultId: 138 });
    // the request schema is the router's: docTypes are integers
    expect(media.schema.properties.input.properties.eidProviderOptions.properties.docTypes.items.type).toBe("integer");
    expect(start.responses["200"].content["application/json"].example.data.status).toBe("Pending");
    expect(start.responses["200"].content["application/json"].schema.properties.data.properties.activationCode.pattern).toBe("^\\d{10}$");
    for (const status of ["400", "401", "403", "500"]) expect(start.responses[status].content["application/json"].schema.$ref).toBe("#/components/schemas/ProductError");
    expect(doc.paths["/reuseid/id-onboardings/{transactionId}"].get.parameters[0]).toMatchObject({ name: "transactionId", in: "path", required: true });
  });

  it("documents every route of the four Signicat APIs and the emulator's own, each operation once", async () => {
    const seen = new Set<string>();
    for (const api of API_NAMES) {
      const doc = (await fetchDocument(DOCUMENT_PATHS[api])).body;
      expect(doc.openapi).toBe("3.1.0");
      for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { tags: string[]; summary: string; operationId: string; responses: object }>>)) {
        for (const [method, op] of Object.entries(operations)) {
          expect(op.tags.length, `${method} ${path}`).toBe(1);
          expect(op.summary.length).toBeGreaterThan(3);
          expect(Object.keys(op.responses).length).toBeGreaterThan(1);
          seen.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
        }
      }
    }
    const published = API_ROUTES.filter((r) => r.doc.api !== "app").map((r) => `${r.method} ${r.path}`);
    expect([...seen].sort()).toEqual([...published].sort());
  });

  it("says in each document's description which operations are not emulated", async () => {
    const assure = (await fetchDocument("/assure/api-docs")).body;
    expect(assure.info.description).toContain("Not emulated");
    for (const item of NOT_EMULATED.assure) expect(assure.info.description).toContain(item);
    const mobileid = (await fetchDocument("/mobileid/api-docs")).body;
    expect(mobileid.info.description).toContain("Device hash management");
  });

  it("documents Assure's images as JPEG and its errors in the Assure shape", async () => {
    const doc = (await fetchDocument("/assure/api-docs")).body;
    const images = doc.paths["/assure/dossiers/{dossierId}/processes/{processId}/images"].get;
    expect(Object.keys(images.responses["200"].content)).toEqual(["image/jpeg"]);
    expect(images.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "depiction", in: "query", required: true, schema: expect.objectContaining({ enum: ["front", "back", "selfie", "portrait"] }) })]),
    );
    expect(images.responses["404"].content["application/json"].schema.$ref).toBe("#/components/schemas/AssureError");
    const process = doc.paths["/assure/dossiers/{dossierId}/processes/{processId}"].get.responses["200"].content["application/json"].schema;
    expect(process.properties.failReason.description).toContain("failed");
  });
});
