import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWithDefaults, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());

async function finishedFlow(outcome: string, extra: Record<string, unknown> = {}) {
  const start = await caller.call("POST", "/reuseid/id-onboardings", { body: { videoidProviderOptions: { docTypes: [138, 147, 191] } } });
  const data = start.body.data;
  await caller.call("POST", "/simulator/activations", { body: { activationCode: data.activationCode } });
  const res = await caller.call("POST", `/simulator/proofings/${data.processId}`, { body: { outcome, ...extra } });
  expect(res.status).toBe(200);
  return data as { dossierId: string; processId: string };
}

const ASSURE_ERROR_KEYS = ["detail", "instance", "method", "status", "timestamp", "title", "traceId", "type"];

describe("Assure records", () => {
  it("shows the full VideoID data set of an accepted process", async () => {
    const { dossierId, processId } = await finishedFlow("accepted", { docType: 147 });
    const res = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ processId, provider: "signicatvideoid", processType: "substantial", status: "accepted", depictions: ["front", "selfie"] });
    expect(res.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(res.body.failReason).toBeUndefined();
    const ocr = res.body.providerSpecific.ocr;
    expect(ocr).toMatchObject({
      firstName: "JANE",
      lastName: "SMITH",
      gender: "F",
      dateOfBirth: "1990-01-01",
      nationality: "NOR",
      issuingCountry: "PRT",
      documentType: "passport",
      idType: "147",
      similarityScore: "high",
      livenessDetected: "true",
    });
    // the keys of Signicat's VideoID examples, and the schema's sidesMatch and untamperedDocument
    for (const check of ["nonExpired", "notUnderage", "dataIntegrity", "livenessDetected", "notFaceSpoofing", "notBWCopy", "sidesMatch", "untamperedDocument"]) {
      expect(ocr.securityChecks[check]).toEqual({ valid: true });
    }
    expect(ocr.personalIdentificationNumber).toMatch(/^010190\d{5}$/);
    expect(ocr.features.length).toBeGreaterThan(0);
  });

  it("lists the dossier and its processes", async () => {
    const { dossierId, processId } = await finishedFlow("accepted");
    const dossier = await caller.call("GET", `/assure/dossiers/${dossierId}`);
    expect(dossier.status).toBe(200);
    expect(dossier.body).toMatchObject({ dossierId, processes: [{ processId, status: "accepted", provider: "signicatvideoid" }] });
    const list = await caller.call("GET", `/assure/dossiers/${dossierId}/processes`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0].processId).toBe(processId);
  });

  it("serves the front and selfie images as JPEG pictures, and refuses a missing depiction in the Assure shape", async () => {
    const { dossierId, processId } = await finishedFlow("accepted");
    for (const depiction of ["front", "selfie"]) {
      const res = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}/images?depiction=${depiction}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      const picture = await sharp(res.bytes).metadata();
      expect(picture).toMatchObject({ format: "jpeg", channels: 3 });
      expect(picture.width).toBeGreaterThan(200);
      expect(picture.height).toBeGreaterThan(200);
      // not a blank page: the rendered picture has both dark text and light background
      const { channels } = await sharp(res.bytes).stats();
      expect(channels[0].min).toBeLessThan(80);
      expect(channels[0].max).toBeGreaterThan(200);
    }
    const back = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}/images?depiction=back`);
    expect(back.status).toBe(404);
    expect(Object.keys(back.body).sort()).toEqual(ASSURE_ERROR_KEYS);
    expect(back.body).toMatchObject({ type: "base:client-problem", status: 404, method: "GET", instance: `/emulator/assure/dossiers/${dossierId}/processes/${processId}/images` });
    expect(back.body.traceId).toBe(back.headers.get("x-trace-id"));
    const bad = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}/images?depiction=feet`);
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe("base:client-problem");
  });

  it("has no images for a failed process, and a failReason", async () => {
    const { dossierId, processId } = await finishedFlow("failed");
    const res = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}`);
    expect(res.body).toMatchObject({ status: "failed", depictions: [], failReason: { type: "system_requirements" } });
    const image = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}/images?depiction=front`);
    expect(image.status).toBe(404);
  });

  it("gives failReason only to failed processes and depictions only to final ones, as Signicat's description says", async () => {
    const pending = (await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } })).body.data;
    const open = await caller.call("GET", `/assure/dossiers/${pending.dossierId}/processes/${pending.processId}`);
    expect(open.body.status).toBe("pending");
    expect(open.body).not.toHaveProperty("depictions");
    await caller.call("POST", "/simulator/activations", { body: { activationCode: pending.activationCode } });
    const processing = await caller.call("GET", `/assure/dossiers/${pending.dossierId}/processes/${pending.processId}`);
    expect(processing.body.status).toBe("processing");
    expect(processing.body).not.toHaveProperty("depictions");
    for (const outcome of ["rejected", "inconclusive", "canceled"]) {
      const { dossierId, processId } = await finishedFlow(outcome);
      const res = await caller.call("GET", `/assure/dossiers/${dossierId}/processes/${processId}`);
      expect(res.body.status).toBe(outcome);
      expect(res.body).not.toHaveProperty("failReason");
      expect(Array.isArray(res.body.depictions)).toBe(true);
    }
  });

  it("leaves externalReference out of a dossier whose flow had none, and keeps it when given", async () => {
    const without = (await caller.call("POST", "/reuseid/id-onboardings", { body: { input: {} } })).body.data;
    expect((await caller.call("GET", `/assure/dossiers/${without.dossierId}`)).body).not.toHaveProperty("externalReference");
    const withRef = (await caller.call("POST", "/reuseid/id-onboardings", { body: { externalRef: "assure-ref-1", input: {} } })).body.data;
    expect((await caller.call("GET", `/assure/dossiers/${withRef.dossierId}`)).body.externalReference).toBe("assure-ref-1");
  });

  it("answers unknown dossiers and processes in the Assure shape, and needs a token", async () => {
    const res = await caller.call("GET", "/assure/dossiers/nope");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: "base:client-problem", title: "Not Found", detail: "Dossier not found." });
    const noToken = await caller.call("GET", "/assure/dossiers/nope", { token: null });
    expect(noToken.status).toBe(401);
    expect(noToken.body.type).toBe("base:client-problem");
  });

  it("lists the document types", async () => {
    const res = await caller.call("GET", "/assure/signicatvideoid/document-types");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: 138, country: "NOR", type: "passport" })]));
    for (const entry of res.body) expect(Object.keys(entry).sort()).toEqual(["country", "countryName", "icao", "id", "name", "type"]);
  });
});
