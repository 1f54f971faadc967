// The emulator store's rows as the driver reads them, shaped as Prisma's models (with the
// readers of lib/data/rows.ts) so the rest of the emulator cannot tell which path read them.
import type { EmuAuthentication, EmuDevice, EmuProcess, EmuRegistration, EmuReuseFlow, EmuUser } from "@/lib/generated/prisma/client";
import { dateOf as date, flag, jsonValue, maybeDate, maybeInt, maybeJson, maybeText, text } from "@/lib/data/rows";

export { columns, jsonValue } from "@/lib/data/rows";

export const FLOW_COLUMNS = [
  "id",
  "accountId",
  "kind",
  "status",
  "externalRef",
  "provider",
  "docTypes",
  "defaultId",
  "userId",
  "deviceId",
  "registrationId",
  "authenticationId",
  "dossierId",
  "processId",
  "proofingId",
  "errorCode",
  "errorMessage",
  "createdAt",
  "updatedAt",
] as const;
export const REGISTRATION_COLUMNS = ["id", "accountId", "userId", "activationCode", "state", "deviceName", "deviceId", "expiresAt", "completedAt", "createdAt"] as const;
export const AUTHENTICATION_COLUMNS = [
  "id",
  "accountId",
  "userId",
  "deviceId",
  "state",
  "challenge",
  "preOperationContext",
  "postOperationContext",
  "requestedAttributes",
  "userAttributes",
  "sendPush",
  "flowId",
  "expiresAt",
  "completedAt",
  "createdAt",
  "updatedAt",
] as const;
export const PROCESS_COLUMNS = [
  "id",
  "dossierId",
  "accountId",
  "provider",
  "processType",
  "status",
  "depictions",
  "providerSpecific",
  "failReason",
  "persona",
  "startedAt",
  "expiresAt",
  "createdAt",
  "updatedAt",
] as const;

/** How a mapper reads one column of its table from a row. */
export type ColumnReader = (name: string) => unknown;

/**
 * From a row of values (lib/data/sql.ts qValues), the table's `names` starting at `offset`:
 * the positions are worked out once, so a read is an index lookup, not a key built per column.
 */
export function byPosition(names: readonly string[], offset: number): (values: unknown[]) => ColumnReader {
  const at = new Map(names.map((name, i) => [name, offset + i]));
  return (values) => (name) => values[at.get(name)!];
}

export function flowOf(v: ColumnReader): EmuReuseFlow {
  return {
    id: text(v("id")),
    accountId: text(v("accountId")),
    kind: text(v("kind")),
    status: text(v("status")),
    externalRef: maybeText(v("externalRef")),
    provider: text(v("provider")),
    docTypes: jsonValue(v("docTypes")),
    defaultId: maybeInt(v("defaultId")),
    userId: text(v("userId")),
    deviceId: maybeText(v("deviceId")),
    registrationId: maybeText(v("registrationId")),
    authenticationId: maybeText(v("authenticationId")),
    dossierId: text(v("dossierId")),
    processId: text(v("processId")),
    proofingId: maybeText(v("proofingId")),
    errorCode: maybeText(v("errorCode")),
    errorMessage: maybeText(v("errorMessage")),
    createdAt: date(v("createdAt")),
    updatedAt: date(v("updatedAt")),
  };
}

export function registrationOf(v: ColumnReader): EmuRegistration | null {
  if (v("id") === null || v("id") === undefined) return null;
  return {
    id: text(v("id")),
    accountId: text(v("accountId")),
    userId: text(v("userId")),
    activationCode: text(v("activationCode")),
    state: text(v("state")),
    deviceName: maybeText(v("deviceName")),
    deviceId: maybeText(v("deviceId")),
    expiresAt: date(v("expiresAt")),
    completedAt: maybeDate(v("completedAt")),
    createdAt: date(v("createdAt")),
  };
}

export function authenticationOf(v: ColumnReader): EmuAuthentication | null {
  if (v("id") === null || v("id") === undefined) return null;
  return {
    id: text(v("id")),
    accountId: text(v("accountId")),
    userId: text(v("userId")),
    deviceId: text(v("deviceId")),
    state: text(v("state")),
    challenge: text(v("challenge")),
    preOperationContext: maybeJson(v("preOperationContext")),
    postOperationContext: maybeJson(v("postOperationContext")),
    requestedAttributes: jsonValue(v("requestedAttributes")),
    userAttributes: maybeJson(v("userAttributes")),
    sendPush: flag(v("sendPush")),
    flowId: maybeText(v("flowId")),
    expiresAt: date(v("expiresAt")),
    completedAt: maybeDate(v("completedAt")),
    createdAt: date(v("createdAt")),
    updatedAt: date(v("updatedAt")),
  };
}

export function processOf(v: ColumnReader): EmuProcess | null {
  if (v("id") === null || v("id") === undefined) return null;
  return {
    id: text(v("id")),
    dossierId: text(v("dossierId")),
    accountId: text(v("accountId")),
    provider: text(v("provider")),
    processType: text(v("processType")),
    status: text(v("status")),
    depictions: jsonValue(v("depictions")),
    providerSpecific: jsonValue(v("providerSpecific")),
    failReason: maybeJson(v("failReason")),
    persona: maybeText(v("persona")),
    startedAt: maybeDate(v("startedAt")),
    expiresAt: maybeDate(v("expiresAt")),
    createdAt: date(v("createdAt")),
    updatedAt: date(v("updatedAt")),
  };
}

/** A driver row of EmuUser (`SELECT *`). */
export function userOf(r: Record<string, unknown>): EmuUser {
  return {
    id: text(r.id),
    accountId: text(r.accountId),
    externalRef: maybeText(r.externalRef),
    segment: maybeText(r.segment),
    state: text(r.state),
    attributes: jsonValue(r.attributes),
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
  };
}

/** A driver row of EmuDevice (`SELECT *`). */
export function deviceOf(r: Record<string, unknown>): EmuDevice {
  return {
    id: text(r.id),
    accountId: text(r.accountId),
    userId: text(r.userId),
    deviceName: text(r.deviceName),
    state: text(r.state),
    lockReason: maybeText(r.lockReason),
    platform: text(r.platform),
    appVersion: maybeText(r.appVersion),
    deviceHash: text(r.deviceHash),
    publicKey: jsonValue(r.publicKey),
    simulatorKeyEnc: maybeText(r.simulatorKeyEnc),
    createdAt: date(r.createdAt),
    lastUsedAt: maybeDate(r.lastUsedAt),
  };
}
