// The quick start's "Set up ReuseID in Postman", against the emulator: import the api-docs URL
// with the converter Postman's importer uses (parameters from examples, folders by tags), then
// run the imported requests with Postman's runner, newman, over real HTTP.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { runNewman, withTokenScript } from "@/lib/testing/newman";

// The parts of a converted collection these tests read or change.
type PostmanRequest = { name: string; event?: unknown[]; request: { body: { raw: string }; auth: { type: string; oauth2: { key: string; value: unknown }[] } } };
type PostmanFolder = { name: string; item: PostmanRequest[] };
type PostmanCollection = { item: PostmanFolder[]; event?: unknown[]; variable?: { key: string; value: unknown }[] };

const require = createRequire(import.meta.url);
const converter = require("openapi-to-postmanv2") as {
  convertV2(
    input: { type: "json"; data: unknown },
    options: Record<string, unknown>,
    callback: (error: Error | null, result: { result: boolean; reason?: string; output: { data: PostmanCollection }[] }) => void,
  ): void;
};

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

async function importIntoPostman(url: string): Promise<PostmanCollection> {
  const document = (await answer(await fetch(url))).body;
  return new Promise((resolve, reject) =>
    converter.convertV2({ type: "json", data: document }, { parametersResolution: "Example", folderStrategy: "Tags" }, (error, result) => {
      if (error || !result.result) return reject(error ?? new Error(result.reason));
      resolve(result.output[0].data);
    }),
  );
}

const find = (collection: PostmanCollection, folder: string, name: string) => collection.item.find((f) => f.name === folder)!.item.find((r) => r.name === name)!;

describe("the quick start's Postman path", () => {
  it("imports /emulator/reuseid/api-docs into folders by tag, with the quick start's body and the OAuth2 client-credentials settings", async () => {
    const collection = await importIntoPostman(`${server.baseUrl}/reuseid/api-docs`);
    expect(collection.item.map((f) => f.name)).toEqual(["ID onboarding", "ID step-up"]);
    expect(collection.variable).toEqual([expect.objectContaining({ key: "baseUrl", value: `${server.origin}/emulator` })]);
    const start = find(collection, "ID onboarding", "Start an ID onboarding");
    expect(JSON.parse(start.request.body.raw)).toEqual({ input: {} });
    expect(start.request.auth.type).toBe("oauth2");
    expect(start.request.auth.oauth2).toEqual(
      expect.arrayContaining([
        { key: "accessTokenUrl", value: `${server.origin}/emulator/auth/open/connect/token` },
        { key: "grant_type", value: "client_credentials" },
        { key: "scope", value: "signicat-api" },
      ]),
    );
  });

  it("runs the imported onboarding with newman and gets Pending, then the step-up of that user once its onboarding completed", async () => {
    const imported = await importIntoPostman(`${server.baseUrl}/reuseid/api-docs`);
    const start = find(imported, "ID onboarding", "Start an ID onboarding");
    // What a tester adds in Postman's Tests tab to pass the ids on (the converter cannot know them).
    start.event = [
      {
        listen: "test",
        script: {
          exec: [
            "{",
            "  const started = pm.response.json().data;",
            "  pm.collectionVariables.set('transactionId', started.transactionId);",
            "  pm.test('Pending', () => pm.expect(started.status).to.eql('Pending'));",
            "}",
          ],
        },
      },
    ];
    const collection = withTokenScript(imported, { url: `${server.baseUrl}/auth/open/connect/token`, clientId: caller.clientId, clientSecret: caller.clientSecret });

    const onboarding = await runNewman(collection, { folder: "ID onboarding" });
    expect(onboarding.failures).toEqual([]);
    const started = onboarding.executions.find((e) => e.method === "POST")!;
    const read = onboarding.executions.find((e) => e.method === "GET")!;
    expect(started).toMatchObject({ method: "POST", status: 200, failedTests: [] });
    const data = JSON.parse(started.body).data;
    expect(data).toMatchObject({ status: "Pending", activationCode: expect.stringMatching(/^\d{10}$/) });
    expect(read).toMatchObject({ method: "GET", status: 200 });
    expect(read.url).toContain(`/reuseid/id-onboardings/${data.transactionId}`);

    // the phone's part, done by the simulator
    const activation = await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
    await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome: "accepted" } });
    expect((await caller.call("GET", `/reuseid/id-onboardings/${data.transactionId}`)).body.data.status).toBe("Completed");

    // the step-up's example body names {{userId}} and {{deviceId}}: Postman fills them from variables
    const stepUp = await runNewman(collection, {
      folder: "ID step-up",
      envVar: [
        { key: "userId", value: data.userId },
        { key: "deviceId", value: activation.body.deviceId },
      ],
    });
    expect(stepUp.failures).toEqual([]);
    const stepUpStarted = stepUp.executions.find((e) => e.method === "POST")!;
    expect(stepUpStarted).toMatchObject({ method: "POST", status: 200 });
    expect(JSON.parse(stepUpStarted.body).data).toMatchObject({ status: "Pending", userId: data.userId, deviceId: activation.body.deviceId, authenticationId: expect.any(String) });
  });
});
