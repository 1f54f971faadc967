// The direct store writes and reads the very rows Prisma does: what one writes, the other reads
// back field for field, on SQLite and on PostgreSQL (the suite runs on both).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { ensureEmulatorDefaults } from "@/lib/emulator/bootstrap";
import { isUniqueViolation, newId } from "@/lib/emulator/ids";
import { readCallerStanding, readClientStanding, readFaultRow } from "./access";
import { getEmuDevice, listDevicesOfUser } from "./devices";
import { insertOnboarding, readFlowWithParts, type NewOnboarding } from "./flows";
import { getEmuUser } from "./users";

let accountId = "";

beforeAll(async () => {
  ({ accountId } = await ensureEmulatorDefaults({ clientId: "store-client", clientSecret: "store-secret-1" }));
});

const onboarding = (overrides: Partial<NewOnboarding> = {}): NewOnboarding => {
  const now = new Date("2026-11-30T10:00:00.123Z");
  return {
    accountId,
    externalRef: "store-ref",
    provider: "videoid",
    processProvider: "signicatvideoid",
    docTypes: [138, 191],
    defaultId: 191,
    ids: { user: newId(), registration: newId(), dossier: newId(), process: newId(), flow: newId() },
    activationCode: String(Math.floor(Math.random() * 1e10)).padStart(10, "0"),
    activationExpiresAt: new Date(now.getTime() + 600_000),
    now,
    ...overrides,
  };
};

describe("the emulator's direct store", () => {
  it("writes an onboarding that Prisma reads back exactly, and reads it as Prisma does", async () => {
    const input = onboarding();
    const { flow, registration } = await insertOnboarding(input);
    expect(await db.emuReuseFlow.findUnique({ where: { id: flow.id } })).toEqual(flow);
    expect(await db.emuRegistration.findUnique({ where: { id: registration.id } })).toEqual(registration);
    expect(await db.emuUser.findUnique({ where: { id: input.ids.user } })).toMatchObject({ accountId, externalRef: "store-ref", state: "ACTIVE", createdAt: input.now });
    expect(await db.emuDossier.findUnique({ where: { id: input.ids.dossier } })).toMatchObject({ accountId, externalReference: "store-ref" });

    const read = await readFlowWithParts(flow.id);
    expect(read?.flow).toEqual(flow);
    expect(read?.parts.registration).toEqual(registration);
    expect(read?.parts.process).toEqual(await db.emuProcess.findUnique({ where: { id: input.ids.process } }));
    expect(read?.parts.authentication).toBeNull();
    expect(await readFlowWithParts("no-such-flow")).toBeNull();
  });

  it("reuses the account's oldest user with the same externalRef", async () => {
    const first = await insertOnboarding(onboarding({ externalRef: "store-again" }));
    const second = await insertOnboarding(onboarding({ externalRef: "store-again" }));
    expect(second.flow.userId).toBe(first.flow.userId);
    expect(await db.emuUser.count({ where: { accountId, externalRef: "store-again" } })).toBe(1);
  });

  it("refuses a taken activation code as a unique violation and writes nothing of that start", async () => {
    const taken = await insertOnboarding(onboarding({ externalRef: null }));
    const users = await db.emuUser.count();
    const retry = onboarding({ externalRef: null, activationCode: taken.registration.activationCode });
    const error = await insertOnboarding(retry).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await db.emuUser.count()).toBe(users);
    expect(await db.emuDossier.findUnique({ where: { id: retry.ids.dossier } })).toBeNull();
  });

  it("reads a client's standing and the account's faults as they are stored now", async () => {
    expect(await readClientStanding("store-client")).toEqual({ accountId, revoked: false });
    expect(await readClientStanding("nobody")).toBeNull();
    await db.emuClient.update({ where: { id: "store-client" }, data: { revokedAt: new Date() } });
    expect(await readClientStanding("store-client")).toEqual({ accountId, revoked: true });
    expect(await readFaultRow(accountId)).toBeNull();
    await db.emuFaultSetting.create({ data: { accountId, latencyMs: 5, errorRate: 0.25, paths: ["/reuseid/*"] } });
    expect(await readFaultRow(accountId)).toEqual({ latencyMs: 5, errorRate: 0.25, paths: ["/reuseid/*"] });
  });

  it("reads a bearer caller's standing and its account's faults in one statement", async () => {
    await db.emuClient.update({ where: { id: "store-client" }, data: { revokedAt: null } });
    await db.emuFaultSetting.deleteMany({ where: { accountId } });
    expect(await readCallerStanding("store-client")).toEqual({ accountId, revoked: false, faults: null });
    expect(await readCallerStanding("nobody")).toBeNull();
    await db.emuFaultSetting.create({ data: { accountId, latencyMs: 0, errorRate: 1, paths: [] } });
    await db.emuClient.update({ where: { id: "store-client" }, data: { revokedAt: new Date() } });
    expect(await readCallerStanding("store-client")).toEqual({ accountId, revoked: true, faults: { latencyMs: 0, errorRate: 1, paths: [] } });
  });

  it("reads a user and its devices as Prisma does, in the devices' order", async () => {
    const userId = newId();
    await db.emuUser.create({ data: { id: userId, accountId, externalRef: "store-ø-ref", segment: null, attributes: { name: "Zoë", nested: { list: [1, "two", null] } } } });
    const device = (id: string, createdAt: Date, extra: object = {}) =>
      db.emuDevice.create({ data: { id, accountId, userId, deviceName: `phone ${id}`, deviceHash: `hash-${id}`, publicKey: { kty: "EC", crv: "P-256", x: "x", y: "y" }, createdAt, ...extra } });
    const later = newId();
    const earlier = newId();
    await device(later, new Date("2026-11-30T10:00:02.000Z"), { state: "LOCKED", lockReason: "lost", appVersion: "1.2.3", simulatorKeyEnc: "sealed", lastUsedAt: new Date("2026-11-30T11:00:00.5Z") });
    await device(earlier, new Date("2026-11-30T10:00:01.000Z"));

    expect(await getEmuUser(userId)).toEqual(await db.emuUser.findUnique({ where: { id: userId } }));
    expect(await getEmuUser("nobody")).toBeNull();
    const listed = await listDevicesOfUser(accountId, userId);
    expect(listed.map((d) => d.id)).toEqual([earlier, later]);
    expect(listed).toEqual(await db.emuDevice.findMany({ where: { accountId, userId }, orderBy: { createdAt: "asc" } }));
    expect(await getEmuDevice(later)).toEqual(await db.emuDevice.findUnique({ where: { id: later } }));
    expect(await getEmuDevice("nobody")).toBeNull();
    expect(await listDevicesOfUser(accountId, "nobody")).toEqual([]);
  });
});
