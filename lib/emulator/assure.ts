/**
 * Identity proofing records as the Assure API shows them (contract section 5): dossiers,
 * processes with the full VideoID data set, generated images, and the document-type table.
 * Reads settle expiry first, so an expired flow's process is shown as failed.
 */
import type { EmuDossier, EmuProcess } from "@/lib/generated/prisma/client";
import { fail } from "./http";
import { documentFrontSvg } from "./images/document";
import { selfieSvg } from "./images/portrait";
import { settleDossier, settleProcess } from "./lifecycle";
import type { Ocr } from "./proofing";
import { getEmuDossier, getEmuDossierWithProcesses, getEmuProcess } from "./store/proofing-records";

/** Assure timestamps: ISO 8601 UTC without fractions. */
const assureTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export const DEPICTIONS = ["front", "back", "selfie", "portrait"] as const;
export type Depiction = (typeof DEPICTIONS)[number];

function slimProcess(process: EmuProcess) {
  return {
    processId: process.id,
    provider: process.provider,
    processType: process.processType,
    status: process.status,
    createdAt: assureTime(process.createdAt),
    updatedAt: assureTime(process.updatedAt),
  };
}

const OPEN_STATUSES = ["pending", "processing"];

/**
 * A process as Assure shows it. Signicat's description gives `depictions` only for a final
 * status and `failReason` only when the status is `failed`; the reason a process was rejected
 * or cancelled stays in the flow's `error` and in the security checks.
 */
export function processView(process: EmuProcess) {
  const view: Record<string, unknown> = {
    processId: process.id,
    provider: process.provider,
    processType: process.processType,
    status: process.status,
  };
  if (!OPEN_STATUSES.includes(process.status)) view.depictions = process.depictions;
  view.providerSpecific = process.providerSpecific;
  view.createdAt = assureTime(process.createdAt);
  view.updatedAt = assureTime(process.updatedAt);
  if (process.failReason && process.status === "failed") view.failReason = process.failReason;
  return view;
}

async function findDossier(accountId: string, dossierId: string): Promise<EmuDossier & { processes: EmuProcess[] }> {
  const exists = await getEmuDossier(dossierId);
  if (!exists || exists.accountId !== accountId) throw fail.notFound("Dossier not found.");
  await settleDossier(dossierId);
  return getEmuDossierWithProcesses(dossierId);
}

export async function getDossier(accountId: string, dossierId: string) {
  const dossier = await findDossier(accountId, dossierId);
  return {
    dossierId: dossier.id,
    ...(dossier.externalReference !== null ? { externalReference: dossier.externalReference } : {}), // a string in Signicat's schema: absent, not null
    createdAt: assureTime(dossier.createdAt),
    updatedAt: assureTime(dossier.updatedAt),
    processes: dossier.processes.map(slimProcess),
  };
}

export async function listProcesses(accountId: string, dossierId: string) {
  const dossier = await findDossier(accountId, dossierId);
  return dossier.processes.map(processView);
}

export async function findProcess(accountId: string, dossierId: string, processId: string): Promise<EmuProcess> {
  const dossier = await getEmuDossier(dossierId);
  if (!dossier || dossier.accountId !== accountId) throw fail.notFound("Dossier not found.");
  await settleProcess(processId);
  const process = await getEmuProcess(processId);
  if (!process || process.dossierId !== dossierId) throw fail.notFound("Process not found.");
  return process;
}

export async function getProcess(accountId: string, dossierId: string, processId: string) {
  return processView(await findProcess(accountId, dossierId, processId));
}

/** The image of a depiction, drawn from the process's OCR; 404 when the process has no such image. */
export async function processImage(accountId: string, dossierId: string, processId: string, depiction: Depiction): Promise<string> {
  const process = await findProcess(accountId, dossierId, processId);
  const depictions = process.depictions as string[];
  const ocr = (process.providerSpecific as { ocr?: Ocr }).ocr;
  if (!depictions.includes(depiction) || !ocr) throw fail.notFound(`No ${depiction} image is available for this process.`);
  return depictionSvg(ocr, depiction);
}

export function depictionSvg(ocr: Ocr, depiction: Depiction): string {
  if (depiction === "selfie" || depiction === "portrait") {
    return selfieSvg({ firstName: ocr.firstName, lastName: ocr.lastName, gender: ocr.gender, dateOfBirth: ocr.dateOfBirth });
  }
  return documentFrontSvg({
    firstName: ocr.firstName,
    lastName: ocr.lastName,
    dateOfBirth: ocr.dateOfBirth,
    gender: ocr.gender,
    nationality: ocr.nationality,
    documentNumber: ocr.documentNumber,
    dateOfExpiry: ocr.dateOfExpiry,
    docTypeId: Number(ocr.idType),
  });
}
