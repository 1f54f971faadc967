/**
 * ReuseID ready-made onboarding flows (contract section 3). Starting one creates (or reuses,
 * by externalRef) a user, a device registration with a 10-digit activation code, an Assure
 * dossier with a pending process, and the flow record that ties them together.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import type { EmuReuseFlow } from "@/lib/generated/prisma/client";
import { fail } from "./http";
import { isUniqueViolation, newActivationCode, newId } from "./ids";
import { ACTIVATION_LIFETIME_MS, settleFlow } from "./lifecycle";
import { parseWith } from "./validation";

const providerOptions = z.object({
  docType: z.int("must be an integer").optional(),
  docTypes: z.array(z.int("must be an integer")).optional(),
  defaultId: z.int("must be an integer").optional(),
});

const provider = z.enum(["videoid", "readid", "signicatvideoid"], "must be one of videoid, readid, signicatvideoid");

/** The three request shapes Signicat accepts for starting an onboarding, as one schema. */
const onboardingBody = z
  .object({
    externalRef: z.string().min(1, "cannot be empty").max(255, "must be at most 255 characters").optional(),
    provider: provider.optional(),
    input: z.object({ provider: provider.optional(), eidProviderOptions: providerOptions.optional() }).optional(),
    eidProviderOptions: providerOptions.optional(),
    videoidProviderOptions: providerOptions.optional(),
  }, "must be a JSON object")
  .superRefine((body, ctx) => {
    const [path, options] = chosenOptions(body);
    if (!options) return;
    const docTypes = allowedDocTypes(options);
    const defaultId = options.defaultId ?? options.docType;
    if (defaultId !== undefined && docTypes.length > 0 && !docTypes.includes(defaultId)) {
      ctx.addIssue({ code: "custom", path: [...path, options.defaultId !== undefined ? "defaultId" : "docType"], message: `must be one of docTypes (${docTypes.join(", ")})` });
    }
  });

type OnboardingBody = z.output<typeof onboardingBody>;
type ProviderOptions = z.output<typeof providerOptions>;

function chosenOptions(body: OnboardingBody): [string[], ProviderOptions | undefined] {
  if (body.videoidProviderOptions) return [["videoidProviderOptions"], body.videoidProviderOptions];
  if (body.eidProviderOptions) return [["eidProviderOptions"], body.eidProviderOptions];
  if (body.input?.eidProviderOptions) return [["input", "eidProviderOptions"], body.input.eidProviderOptions];
  return [[], undefined];
}

function allowedDocTypes(options: ProviderOptions): number[] {
  const list = [...(options.docTypes ?? [])];
  if (list.length > 0 && options.docType !== undefined && !list.includes(options.docType)) list.push(options.docType);
  if (list.length === 0 && options.docType !== undefined) list.push(options.docType);
  return [...new Set(list)];
}

export type OnboardingRequest = { externalRef: string | null; provider: "videoid" | "readid"; docTypes: number[]; defaultId: number | null };

/** One meaning for the three shapes: an empty docTypes list means "every known document". */
export function normaliseOnboardingRequest(raw: unknown): OnboardingRequest {
  const body = parseWith(onboardingBody, raw);
  const [, options] = chosenOptions(body);
  const chosenProvider = body.provider ?? body.input?.provider ?? "videoid";
  return {
    externalRef: body.externalRef ?? null,
    provider: chosenProvider === "readid" ? "readid" : "videoid",
    docTypes: options ? allowedDocTypes(options) : [],
    defaultId: options?.defaultId ?? options?.docType ?? null,
  };
}

export async function startOnboarding(accountId: string, request: OnboardingRequest): Promise<EmuReuseFlow> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createOnboarding(accountId, request);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error; // an activation code collided: draw again
    }
  }
}

async function createOnboarding(accountId: string, request: OnboardingRequest): Promise<EmuReuseFlow> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const existing = request.externalRef
      ? await tx.emuUser.findFirst({ where: { accountId, externalRef: request.externalRef }, orderBy: { createdAt: "asc" } })
      : null;
    const user = existing ?? (await tx.emuUser.create({ data: { id: newId(), accountId, externalRef: request.externalRef } }));
    const registration = await tx.emuRegistration.create({
      data: { id: newId(), accountId, userId: user.id, activationCode: newActivationCode(), expiresAt: new Date(now.getTime() + ACTIVATION_LIFETIME_MS) },
    });
    const dossier = await tx.emuDossier.create({ data: { id: newId(), accountId, externalReference: request.externalRef } });
    const process = await tx.emuProcess.create({
      data: { id: newId(), dossierId: dossier.id, accountId, provider: request.provider === "readid" ? "readid" : "signicatvideoid" },
    });
    return tx.emuReuseFlow.create({
      data: {
        id: newId(),
        accountId,
        kind: "onboarding",
        externalRef: request.externalRef,
        provider: request.provider,
        docTypes: JSON.stringify(request.docTypes),
        defaultId: request.defaultId,
        userId: user.id,
        registrationId: registration.id,
        dossierId: dossier.id,
        processId: process.id,
      },
    });
  });
}

export type UserData = { firstName: string; lastName: string; dateOfBirth: string; gender: string; nationality: string };

export type OnboardingData = {
  transactionId: string;
  userId: string;
  activationCode: string;
  status: string;
  dossierId: string;
  processId: string;
  deviceId?: string;
  proofingId?: string;
  userData?: UserData;
  error?: { code: string; message: string };
};

/** A flow as GET /reuseid/id-onboardings/{id} shows it. deviceId appears once a device is activated (decided). */
export async function onboardingData(flow: EmuReuseFlow): Promise<OnboardingData> {
  const registration = flow.registrationId ? await db.emuRegistration.findUnique({ where: { id: flow.registrationId } }) : null;
  const data: OnboardingData = {
    transactionId: flow.id,
    userId: flow.userId,
    activationCode: registration?.activationCode ?? "",
    status: flow.status,
    dossierId: flow.dossierId,
    processId: flow.processId,
  };
  if (flow.deviceId) data.deviceId = flow.deviceId;
  if (flow.status === "Completed") {
    if (flow.proofingId) data.proofingId = flow.proofingId;
    const process = await db.emuProcess.findUnique({ where: { id: flow.processId } });
    const ocr = (JSON.parse(process?.providerSpecific ?? "{}") as { ocr?: Record<string, string> }).ocr;
    if (ocr) {
      data.userData = { firstName: ocr.firstName, lastName: ocr.lastName, dateOfBirth: ocr.dateOfBirth, gender: ocr.gender, nationality: ocr.nationality };
    }
  }
  if (flow.errorCode) data.error = { code: flow.errorCode, message: flow.errorMessage ?? "" };
  return data;
}

export async function findOnboarding(accountId: string, transactionId: string): Promise<EmuReuseFlow> {
  const flow = await db.emuReuseFlow.findUnique({ where: { id: transactionId } });
  if (!flow || flow.accountId !== accountId || flow.kind !== "onboarding") throw fail.notFound(`No onboarding with transaction ID ${transactionId} exists.`);
  return settleFlow(flow);
}

export function flowDocTypes(flow: EmuReuseFlow): number[] {
  return JSON.parse(flow.docTypes) as number[];
}
