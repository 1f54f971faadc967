// Writes over every record of an account at once: the simulator's reset and expire-now.
import { db } from "@/lib/data/db";

/** Forgets the account's users, devices, flows, proofing records, faults, events and deliveries; the account, its clients and subscriptions stay. */
export async function deleteAccountRecords(accountId: string): Promise<void> {
  const where = { accountId };
  await db.$transaction([
    db.emuFaultSetting.deleteMany({ where }),
    db.emuEventDelivery.deleteMany({ where }),
    db.emuEvent.deleteMany({ where }),
    db.emuProofing.deleteMany({ where }),
    db.emuReuseFlow.deleteMany({ where }),
    db.emuAuthentication.deleteMany({ where }),
    db.emuRegistration.deleteMany({ where }),
    db.emuDevice.deleteMany({ where }),
    db.emuUser.deleteMany({ where }),
    db.emuDossier.deleteMany({ where }), // processes go with their dossier
  ]);
}

/** Every pending code, authentication and started proofing of the account is due now. */
export async function moveAccountExpiriesTo(accountId: string, now: Date): Promise<void> {
  await db.$transaction([
    db.emuRegistration.updateMany({ where: { accountId, state: "PENDING" }, data: { expiresAt: now } }),
    db.emuAuthentication.updateMany({ where: { accountId, state: "PENDING" }, data: { expiresAt: now } }),
    db.emuProcess.updateMany({ where: { accountId, status: "processing" }, data: { expiresAt: now } }),
  ]);
}
