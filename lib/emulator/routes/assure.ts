// 5. Assure: dossiers, processes (the full VideoID data set), images and document types.
import { z } from "zod";
import { DEPICTIONS, getDossier, getProcess, listProcesses, processImage } from "../assure";
import { documentTypesResponse, dossierResponse, processListResponse, processResponse } from "../contract/responses";
import { DOCUMENT_TYPES } from "../document-types";
import { binary } from "../http";
import { RASTER_CONTENT_TYPE, svgToJpeg } from "../images/raster";
import { defineRoute, type Route } from "./route";

const dossier = "/assure/dossiers/:dossierId";
const process = `${dossier}/processes/:processId`;
const doc = (tag: string, operationId: string, summary: string, description?: string) => ({ api: "assure" as const, tag, operationId, summary, description });
const depictionReason = `must be one of ${DEPICTIONS.join(", ")}`;

export const ASSURE_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: dossier,
    auth: "bearer",
    doc: doc("Dossiers", "getDossier", "Get dossier", "The dossier of a ReuseID flow with its processes (slim)."),
    answer: { status: 200, description: "The dossier.", schema: dossierResponse },
    errors: [404],
    handle: (ctx) => getDossier(ctx.accountId, ctx.params.dossierId),
  }),
  defineRoute({
    method: "GET",
    path: `${dossier}/processes`,
    auth: "bearer",
    doc: doc("Processes", "listProcesses", "List the dossier's processes"),
    answer: { status: 200, description: "The processes, oldest first.", schema: processListResponse },
    errors: [404],
    handle: (ctx) => listProcesses(ctx.accountId, ctx.params.dossierId),
  }),
  defineRoute({
    method: "GET",
    path: process,
    auth: "bearer",
    doc: doc(
      "Processes",
      "getProcess",
      "Get process",
      "The full data set: status, and for VideoID `providerSpecific.ocr` with the extracted fields, similarityScore, livenessDetected, securityChecks and features. " +
        "`failReason` only when the status is failed; `depictions` only for a final status.",
    ),
    answer: { status: 200, description: "The process.", schema: processResponse },
    errors: [404],
    handle: (ctx) => getProcess(ctx.accountId, ctx.params.dossierId, ctx.params.processId),
  }),
  defineRoute({
    method: "GET",
    path: `${process}/images`,
    auth: "bearer",
    doc: doc("Processes", "getImages", "Get image", "A generated picture of the test persona's document or face, as JPEG."),
    query: z.object({ depiction: z.enum(DEPICTIONS, depictionReason) }),
    answer: { status: 200, description: "The image.", contentTypes: [RASTER_CONTENT_TYPE] },
    errors: [404],
    handle: async (ctx, { query }) => binary(await svgToJpeg(await processImage(ctx.accountId, ctx.params.dossierId, ctx.params.processId, query.depiction)), RASTER_CONTENT_TYPE, ctx.traceId),
  }),
  defineRoute({
    method: "GET",
    path: "/assure/signicatvideoid/document-types",
    auth: "bearer",
    doc: doc("Assure", "getDocumentTypes", "Get document types", "The VideoID documents the emulator knows; an id missing from the table is never rejected."),
    answer: { status: 200, description: "The document types.", schema: documentTypesResponse },
    handle: () => DOCUMENT_TYPES,
  }),
];
