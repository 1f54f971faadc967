// The flow a GET /reuseid/id-onboardings/{id} shows, read in one statement with the records it
// settles against (registration, authentication, process), and an onboarding started in one
// transaction. Prisma reads and writes the same rows everywhere else.
import type { EmuAuthentication, EmuProcess, EmuRegistration, EmuReuseFlow } from "@/lib/generated/prisma/client";
import { AUTHENTICATION_COLUMNS, authenticationOf, byPosition, columns, FLOW_COLUMNS, flowOf, PROCESS_COLUMNS, processOf, REGISTRATION_COLUMNS, registrationOf } from "./rows";
import { q, qValues, readNow, transact, valuesOf, type Work } from "@/lib/data/sql";
import type { Maybe } from "@/lib/maybe";

/** The records a flow's status and answer depend on, as read with the flow. */
export type FlowParts = { registration: EmuRegistration | null; authentication: EmuAuthentication | null; process: EmuProcess | null };

const FLOW_WITH_PARTS = `SELECT ${columns("f", "f_", FLOW_COLUMNS)}, ${columns("r", "r_", REGISTRATION_COLUMNS)}, ${columns("a", "a_", AUTHENTICATION_COLUMNS)}, ${columns("p", "p_", PROCESS_COLUMNS)}
  FROM "EmuReuseFlow" f
  LEFT JOIN "EmuRegistration" r ON r."id" = f."registrationId"
  LEFT JOIN "EmuAuthentication" a ON a."id" = f."authenticationId"
  LEFT JOIN "EmuProcess" p ON p."id" = f."processId"
  WHERE f."id" = $1`;

// Where each table's columns sit in a FLOW_WITH_PARTS row, read as values (the row is 59 columns wide).
const flowColumns = byPosition(FLOW_COLUMNS, 0);
const registrationColumns = byPosition(REGISTRATION_COLUMNS, FLOW_COLUMNS.length);
const authenticationColumns = byPosition(AUTHENTICATION_COLUMNS, FLOW_COLUMNS.length + REGISTRATION_COLUMNS.length);
const processColumns = byPosition(PROCESS_COLUMNS, FLOW_COLUMNS.length + REGISTRATION_COLUMNS.length + AUTHENTICATION_COLUMNS.length);

/** On SQLite at once, with no promise (lib/maybe.ts). */
export function readFlowWithParts(id: string): Maybe<{ flow: EmuReuseFlow; parts: FlowParts } | null> {
  return readNow(function* (): Work<{ flow: EmuReuseFlow; parts: FlowParts } | null> {
    const [row] = valuesOf(yield qValues(FLOW_WITH_PARTS, id));
    if (!row) return null;
    return {
      flow: flowOf(flowColumns(row)),
      parts: { registration: registrationOf(registrationColumns(row)), authentication: authenticationOf(authenticationColumns(row)), process: processOf(processColumns(row)) },
    };
  });
}

export type NewOnboarding = {
  accountId: string;
  externalRef: string | null;
  provider: string;
  processProvider: string;
  docTypes: number[];
  defaultId: number | null;
  ids: { user: string; registration: string; dossier: string; process: string; flow: string };
  activationCode: string;
  activationExpiresAt: Date;
  now: Date;
};

/** The user (the account's oldest with this externalRef, or a new one), registration, dossier, process and flow, committed together. */
export function insertOnboarding(input: NewOnboarding): Promise<{ flow: EmuReuseFlow; registration: EmuRegistration }> {
  const { accountId, now } = input;
  return transact(function* (): Work<{ flow: EmuReuseFlow; registration: EmuRegistration }> {
    let userId = input.ids.user;
    const existing = input.externalRef
      ? (yield q(`SELECT "id" FROM "EmuUser" WHERE "accountId" = $1 AND "externalRef" = $2 ORDER BY "createdAt" ASC LIMIT 1`, accountId, input.externalRef))[0]
      : undefined;
    if (existing) userId = String(existing.id);
    else
      yield q(
        `INSERT INTO "EmuUser" ("id", "accountId", "externalRef", "state", "attributes", "createdAt", "updatedAt") VALUES ($1, $2, $3, 'ACTIVE', '{}', $4, $4)`,
        userId,
        accountId,
        input.externalRef,
        now,
      );
    yield q(
      `INSERT INTO "EmuRegistration" ("id", "accountId", "userId", "activationCode", "state", "expiresAt", "createdAt") VALUES ($1, $2, $3, $4, 'PENDING', $5, $6)`,
      input.ids.registration,
      accountId,
      userId,
      input.activationCode,
      input.activationExpiresAt,
      now,
    );
    yield q(`INSERT INTO "EmuDossier" ("id", "accountId", "externalReference", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $4)`, input.ids.dossier, accountId, input.externalRef, now);
    yield q(
      `INSERT INTO "EmuProcess" ("id", "dossierId", "accountId", "provider", "processType", "status", "depictions", "providerSpecific", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'substantial', 'pending', '[]', '{}', $5, $5)`,
      input.ids.process,
      input.ids.dossier,
      accountId,
      input.processProvider,
      now,
    );
    yield q(
      `INSERT INTO "EmuReuseFlow" ("id", "accountId", "kind", "status", "externalRef", "provider", "docTypes", "defaultId", "userId", "registrationId", "dossierId", "processId", "createdAt", "updatedAt") VALUES ($1, $2, 'onboarding', 'Pending', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      input.ids.flow,
      accountId,
      input.externalRef,
      input.provider,
      JSON.stringify(input.docTypes),
      input.defaultId,
      userId,
      input.ids.registration,
      input.ids.dossier,
      input.ids.process,
      now,
    );
    const flow: EmuReuseFlow = {
      id: input.ids.flow,
      accountId,
      kind: "onboarding",
      status: "Pending",
      externalRef: input.externalRef,
      provider: input.provider,
      docTypes: input.docTypes,
      defaultId: input.defaultId,
      userId,
      deviceId: null,
      registrationId: input.ids.registration,
      authenticationId: null,
      dossierId: input.ids.dossier,
      processId: input.ids.process,
      proofingId: null,
      errorCode: null,
      errorMessage: null,
      createdAt: now,
      updatedAt: now,
    };
    const registration: EmuRegistration = {
      id: input.ids.registration,
      accountId,
      userId,
      activationCode: input.activationCode,
      state: "PENDING",
      deviceName: null,
      deviceId: null,
      expiresAt: input.activationExpiresAt,
      completedAt: null,
      createdAt: now,
    };
    return { flow, registration };
  });
}
