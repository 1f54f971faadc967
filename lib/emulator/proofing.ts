/**
 * Finishing an identity proofing: the one function behind both the virtual app's capture
 * result and the simulator. The document is checked honestly (an expired document or an
 * under-age holder fails its security check and the process ends rejected even when
 * "accepted" was asked for), and the process, proofing record, user attributes and flow are
 * written in one transaction.
 */
import { createHash } from "node:crypto";
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import type { IdentityInput, ProofingOutcome, ProofingResponse } from "./app-protocol";
import { DOCUMENT_TYPES, documentType } from "./document-types";
import { fail } from "./http";
import { newId } from "./ids";
import { endFlow, flowDocTypes, OPEN_PROCESS_STATUSES, type FlowEnd } from "./flows";
import { settleFlow } from "./lifecycle";
import { DEFAULT_PERSONA_ID, findPersona } from "./personas";
import { inTransaction } from "./store/db-client";
import { createProofing, finishOpenProcess, getEmuProcess } from "./store/proofing-records";
import { findFlowOfProcess } from "./store/reuse-flows";
import { getEmuUser, getEmuUserOrThrow, updateEmuUser } from "./store/users";

export type FinishProofingInput = {
  accountId: string;
  processId: string;
  outcome: ProofingOutcome;
  docType?: number;
  persona?: string;
  identity?: IdentityInput;
  /** The device that reports the result (app side); the simulator reports for any device. */
  deviceId?: string;
};

/** The keys of Signicat's VideoID examples (Assure API 1.0.0) plus sidesMatch and untamperedDocument of its schema. */
export type SecurityChecks = Record<"nonExpired" | "notUnderage" | "dataIntegrity" | "livenessDetected" | "notFaceSpoofing" | "notBWCopy" | "sidesMatch" | "untamperedDocument", { valid: boolean }>;

export type Ocr = {
  firstName: string;
  lastName: string;
  gender: string;
  dateOfBirth: string;
  nationality: string;
  issuingCountry: string;
  documentType: string;
  idType: string;
  documentNumber: string;
  personalIdentificationNumber: string;
  dateOfExpiry: string;
  similarityScore: string;
  livenessDetected: string;
  securityChecks: SecurityChecks;
  features: { name: string; found: boolean; bbox: { x: number; y: number; width: number; height: number }; side: string }[];
};

export type FinishedProofing = ProofingResponse & { transactionId: string; flow: EmuReuseFlow };

const today = (now: Date) => now.toISOString().slice(0, 10);

export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [ty, tm, td] = day.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function securityChecksFor(identity: { dateOfBirth: string; dateOfExpiry: string }, now = new Date()): SecurityChecks {
  const day = today(now);
  return {
    nonExpired: { valid: identity.dateOfExpiry >= day },
    notUnderage: { valid: ageOn(identity.dateOfBirth, day) >= 18 },
    dataIntegrity: { valid: true },
    livenessDetected: { valid: true },
    notFaceSpoofing: { valid: true },
    notBWCopy: { valid: true },
    sidesMatch: { valid: true },
    untamperedDocument: { valid: true },
  };
}

const CHECK_MESSAGES: Record<keyof SecurityChecks, string> = {
  nonExpired: "the document has expired",
  notUnderage: "the holder is under 18",
  dataIntegrity: "the document data is inconsistent",
  livenessDetected: "no living person was detected",
  notFaceSpoofing: "face spoofing was detected",
  notBWCopy: "the document is a black-and-white copy",
  sidesMatch: "the document sides do not match",
  untamperedDocument: "the document was tampered with",
};

/**
 * A national identity number for the test person: the birth date as DDMMYY and five digits
 * drawn from the document number, so the same person always gets the same number.
 */
export function personalIdentificationNumber(identity: { dateOfBirth: string; documentNumber: string }): string {
  const [y, m, d] = identity.dateOfBirth.split("-");
  const digits = String(Number.parseInt(createHash("sha256").update(identity.documentNumber.toUpperCase()).digest("hex").slice(0, 8), 16) % 100_000).padStart(5, "0");
  return `${d}${m}${y.slice(2)}${digits}`;
}

function buildOcr(identity: IdentityInput, docTypeId: number, outcome: ProofingOutcome, now: Date): Ocr {
  const doc = documentType(docTypeId);
  return {
    firstName: identity.firstName.toUpperCase(),
    lastName: identity.lastName.toUpperCase(),
    gender: identity.gender,
    dateOfBirth: identity.dateOfBirth,
    nationality: identity.nationality.toUpperCase(),
    issuingCountry: doc.country === "XXX" ? identity.nationality.toUpperCase() : doc.country,
    documentType: doc.type,
    idType: String(docTypeId),
    documentNumber: identity.documentNumber.toUpperCase(),
    personalIdentificationNumber: personalIdentificationNumber(identity),
    dateOfExpiry: identity.dateOfExpiry,
    similarityScore: outcome === "rejected" ? "low" : outcome === "inconclusive" ? "medium" : "high",
    livenessDetected: "true",
    securityChecks: securityChecksFor(identity, now),
    features: [
      { name: "Header", found: true, bbox: { x: 20, y: 10, width: 440, height: 40 }, side: "front" },
      { name: "Photo", found: true, bbox: { x: 30, y: 160, width: 140, height: 140 }, side: "data" },
      { name: "Signature", found: true, bbox: { x: 200, y: 300, width: 180, height: 40 }, side: "data" },
    ],
  };
}

function chooseIdentity(input: FinishProofingInput): { identity: IdentityInput; personaId: string | null; personaDocType: number | null } {
  if (input.identity && input.persona) throw fail.invalidParams([{ name: "persona", reason: "give either persona or identity, not both" }]);
  if (input.identity) return { identity: input.identity, personaId: null, personaDocType: null };
  const personaId = input.persona ?? DEFAULT_PERSONA_ID;
  const persona = findPersona(personaId);
  if (!persona) throw fail.invalidParams([{ name: "persona", reason: `unknown persona ${personaId}` }]);
  return { identity: persona, personaId: persona.id, personaDocType: persona.docTypeId };
}

function chooseDocType(flow: EmuReuseFlow, requested: number | undefined, personaDocType: number | null): number {
  const restricted = flowDocTypes(flow);
  const allowed = restricted.length > 0 ? restricted : DOCUMENT_TYPES.map((d) => d.id);
  if (requested !== undefined) {
    if (restricted.length > 0 && !restricted.includes(requested)) {
      throw fail.invalidParams([{ name: "docType", reason: `must be one of the flow's document types (${restricted.join(", ")})` }]);
    }
    return requested;
  }
  if (flow.defaultId !== null) return flow.defaultId;
  if (personaDocType !== null && allowed.includes(personaDocType)) return personaDocType;
  return allowed[0];
}

const FLOW_ERRORS: Record<Exclude<ProofingOutcome, "accepted" | "canceled">, string> = {
  rejected: "proofing_rejected",
  failed: "proofing_failed",
  inconclusive: "proofing_inconclusive",
};

type Holder = { firstName: string; lastName: string; dateOfBirth: string };

/** The identity the user holds now (from an earlier proofing), or null when they have none to compare with. */
async function identityHolder(userId: string): Promise<Holder | null> {
  const user = await getEmuUser(userId);
  const a = (user?.attributes ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  if (!text(a.firstName) || !text(a.lastName) || !text(a.dateOfBirth)) return null;
  return { firstName: text(a.firstName), lastName: text(a.lastName), dateOfBirth: text(a.dateOfBirth) };
}

/** Same person = same names (as printed, case aside) and date of birth; else says who is who. */
export function describeMismatch(holder: Holder, ocr: Pick<Ocr, "firstName" | "lastName" | "dateOfBirth">): string | null {
  const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  if (same(holder.firstName, ocr.firstName) && same(holder.lastName, ocr.lastName) && holder.dateOfBirth === ocr.dateOfBirth) return null;
  return `The document belongs to another person (${ocr.firstName} ${ocr.lastName}, born ${ocr.dateOfBirth}) than the user (${holder.firstName} ${holder.lastName}, born ${holder.dateOfBirth}); the user's identity was left unchanged.`;
}

export async function finishProofing(input: FinishProofingInput): Promise<FinishedProofing> {
  const process = await getEmuProcess(input.processId);
  const found = process && process.accountId === input.accountId ? await findFlowOfProcess(process.id) : null;
  if (!process || !found) throw fail.notFound(`No proofing process with ID ${input.processId} exists.`);
  const flow = await settleFlow(found);
  if (flow.status === "Expired") throw fail.unprocessable(`The flow expired (${flow.errorCode}); the proofing can no longer be finished.`);
  if (flow.status !== "Pending") throw fail.conflict(`The proofing was already finished (flow ${flow.status}).`);
  if (!flow.deviceId) throw fail.conflict("No device has been activated for this flow yet.");
  if (process.status === "pending") throw fail.conflict("The proofing has not started: the device has not approved the step-up's authentication yet.");
  if (input.deviceId && input.deviceId !== flow.deviceId) throw fail.forbidden("This proofing belongs to another device.");

  const now = new Date();
  const { identity, personaId, personaDocType } = chooseIdentity(input);
  const docTypeId = chooseDocType(flow, input.docType, personaDocType);
  const captured = input.outcome !== "failed" && input.outcome !== "canceled";
  const ocr = captured ? buildOcr(identity, docTypeId, input.outcome, now) : null;

  let status: string = input.outcome;
  let failReason: { type: string; message: string } | null = null;
  const failedCheck = ocr ? (Object.keys(ocr.securityChecks) as (keyof SecurityChecks)[]).find((k) => !ocr.securityChecks[k].valid) : undefined;
  if (input.outcome === "accepted" && failedCheck) {
    status = "rejected";
    failReason = { type: "security_check", message: `Security check ${failedCheck} failed: ${CHECK_MESSAGES[failedCheck]}.` };
  } else if (input.outcome === "rejected") {
    failReason = { type: "rejected", message: "The face on the selfie does not match the document." };
  } else if (input.outcome === "inconclusive") {
    failReason = { type: "inconclusive", message: "The automatic checks could not reach a decision." };
  } else if (input.outcome === "failed") {
    failReason = { type: "system_requirements", message: "The following requirements were not met: camera,microphone." };
  }
  // A step-up re-verifies the person who already holds this identity (see README, "Step-ups"):
  // another person's document binds nothing and changes no attribute.
  const holder = flow.kind === "stepup" && status === "accepted" && ocr ? await identityHolder(flow.userId) : null;
  const mismatch = holder && ocr ? describeMismatch(holder, ocr) : null;
  if (mismatch) {
    status = "rejected";
    failReason = { type: "identity_mismatch", message: mismatch };
  }
  const depictions = ocr ? ["front", "selfie"] : [];

  const flowUpdate: FlowEnd =
    status === "accepted"
      ? { status: "Completed" }
      : status === "canceled"
        ? { status: "Cancelled", errorCode: "user_cancelled", errorMessage: "The user cancelled the identity proofing." }
        : mismatch
          ? { status: "Failed", errorCode: "identity_mismatch", errorMessage: mismatch }
          : {
              status: "Failed",
              errorCode: FLOW_ERRORS[status as keyof typeof FLOW_ERRORS],
              errorMessage:
                status === "rejected"
                  ? `The identity proofing was rejected: ${failReason?.message ?? "rejected"}`
                  : status === "failed"
                    ? `The identity proofing failed: ${failReason?.message ?? "failed"}`
                    : "The identity proofing was inconclusive: the automatic checks could not reach a decision.",
            };

  const finished = await inTransaction(async (tx) => {
    const changed = await finishOpenProcess(tx, process.id, OPEN_PROCESS_STATUSES, { status, depictions, providerSpecific: ocr ? { ocr } : {}, failReason, persona: personaId, now });
    if (!changed) throw fail.conflict("The proofing was already finished.");
    let proofingId: string | null = null;
    if (status === "accepted" && ocr) {
      proofingId = newId();
      await createProofing(tx, { id: proofingId, accountId: flow.accountId, userId: flow.userId, dossierId: flow.dossierId, processId: process.id, provider: process.provider, status });
      const user = await getEmuUserOrThrow(flow.userId, tx);
      const attributes = {
        ...(user.attributes as Record<string, unknown>),
        firstName: ocr.firstName,
        lastName: ocr.lastName,
        dateOfBirth: ocr.dateOfBirth,
        gender: ocr.gender,
        nationality: ocr.nationality,
        documentNumber: ocr.documentNumber,
        documentType: ocr.documentType,
        dateOfExpiry: ocr.dateOfExpiry,
        issuingCountry: ocr.issuingCountry,
      };
      await updateEmuUser(user.id, { attributes }, tx);
    }
    const ended = await endFlow(tx, flow, { ...flowUpdate, proofingId });
    if (!ended) throw fail.conflict("The flow was already finished.");
    return ended;
  });

  return {
    transactionId: finished.id,
    processId: process.id,
    status,
    flowStatus: finished.status,
    failReason,
    securityChecks: ocr?.securityChecks ?? {},
    flow: finished,
  };
}
