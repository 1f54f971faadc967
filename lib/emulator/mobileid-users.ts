/**
 * MobileID user writes (contract section 4): create, update (externalRef, segment, attributes,
 * state ACTIVE/LOCKED) and delete. Decided: an externalRef names at most one user of an account
 * (409 conflict otherwise); PATCH merges attributes, and a null value removes a key; deleting a
 * user deletes its devices, registrations and authentications and fails its pending flows.
 */
import { z } from "zod";
import type { EmuUser } from "@/lib/generated/prisma/client";
import { cancelDeviceAuthentications } from "./authentications";
import { abandonFlow } from "./flows";
import { fail } from "./http";
import { newId } from "./ids";
import { findUser } from "./mobileid";
import { attributeKey, attributeValue } from "./mobileid-validation";
import { inTransaction } from "./store/db-client";
import { listDevicesOfUser } from "./store/devices";
import { listPendingFlowsOfUser } from "./store/reuse-flows";
import { createEmuUser, deleteUserWithRecords, findOtherUserWithExternalRef, updateEmuUser } from "./store/users";

const externalRef = z.string("must be a string").min(1, "cannot be empty").max(255, "must be at most 255 characters");
const segment = z.string("must be a string").min(1, "cannot be empty").max(64, "must be at most 64 characters");

export const createUserBody = z.object(
  { externalRef: externalRef.optional(), segment: segment.optional(), attributes: z.record(attributeKey, attributeValue, "must be an object of strings").optional() },
  "must be a JSON object",
);

export const patchUserBody = z.object(
  {
    externalRef: externalRef.nullable().optional(),
    segment: segment.nullable().optional(),
    attributes: z.record(attributeKey, attributeValue.nullable(), "must be an object of strings").optional(),
    state: z.enum(["ACTIVE", "LOCKED"], "must be ACTIVE or LOCKED").optional(),
  },
  "must be a JSON object",
);

async function assertExternalRefFree(accountId: string, ref: string | null | undefined, exceptUserId?: string): Promise<void> {
  if (!ref) return;
  const holder = await findOtherUserWithExternalRef(accountId, ref, exceptUserId);
  if (holder) throw fail.conflict(`The external reference ${ref} already names user ${holder.id}.`);
}

export async function createUser(accountId: string, body: z.output<typeof createUserBody>): Promise<EmuUser> {
  await assertExternalRefFree(accountId, body.externalRef);
  return createEmuUser({ id: newId(), accountId, externalRef: body.externalRef ?? null, segment: body.segment ?? null, attributes: body.attributes ?? {} });
}

export async function updateUser(accountId: string, userId: string, body: z.output<typeof patchUserBody>): Promise<EmuUser> {
  const user = await findUser(accountId, userId);
  await assertExternalRefFree(accountId, body.externalRef, user.id);
  const attributes = { ...(user.attributes as Record<string, string>) };
  for (const [key, value] of Object.entries(body.attributes ?? {})) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  return updateEmuUser(user.id, { externalRef: body.externalRef, segment: body.segment, state: body.state, attributes });
}

export async function deleteUser(accountId: string, userId: string): Promise<void> {
  const user = await findUser(accountId, userId);
  const now = new Date();
  await inTransaction(async (tx) => {
    const devices = await listDevicesOfUser(user.accountId, user.id, tx);
    for (const device of devices) await cancelDeviceAuthentications(tx, device.id, "the user was deleted", now);
    const flows = await listPendingFlowsOfUser(tx, user.id);
    for (const flow of flows) {
      await abandonFlow(tx, flow, { status: "Failed", errorCode: "user_deleted", errorMessage: "The user was deleted.", processStatus: "canceled", failType: "user_deleted" }, now);
    }
    await deleteUserWithRecords(tx, user.id);
  });
}
