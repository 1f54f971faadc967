// What every signed-in request reads (its staff session and user, the live environments and the
// current one) and what each History page and live update reads (the people behind the flows)
// goes through the driver. On whichever database the suite runs, each must be what Prisma
// reads: the same rows in the same order, dates as Date, flags as booleans, absent columns null.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/data/db";
import { flowOwners } from "@/lib/testing/console";
import { findEmbeddedEnvironment, getLiveEnvironment, getOldestLiveEnvironment, listEnvironmentsLiveFirst, listLiveEnvironments } from "./environments";
import { knownPeople } from "./flows";
import { getStaffSessionWithStaff } from "./staff-sessions";
import { staffForSession, startStaffSession } from "@/lib/auth/staff-sessions";

let environmentId: string;

beforeAll(async () => {
  ({ environmentId } = await flowOwners());
});

const environment = (name: string, extra: Record<string, unknown> = {}) =>
  db.environment.create({ data: { name: `${name}-${randomUUID().slice(0, 8)}`, kind: "sandbox", baseUrl: "https://api.signicat.com", clientId: "client", clientSecretEnc: "sealed", ...extra } });

describe("a staff session with its user", () => {
  it("is read as Prisma reads it, ended or live, with or without a password", async () => {
    const staff = await db.staffUser.create({
      data: { email: `reads-${randomUUID()}@example.test`, name: "Ødegård, Zoë", passwordHash: null, role: "support", mustChangePassword: true, active: false },
    });
    const now = new Date();
    const live = await db.staffSession.create({ data: { id: randomUUID(), staffId: staff.id, expiresAt: new Date(now.getTime() + 3_600_000) } });
    const ended = await db.staffSession.create({ data: { id: randomUUID(), staffId: staff.id, expiresAt: now, endedAt: now, endReason: "signed out" } });
    for (const { id } of [live, ended]) {
      const read = await getStaffSessionWithStaff(id);
      expect(read).toEqual(await db.staffSession.findUnique({ where: { id }, include: { staff: true } }));
      expect(read?.staff.active).toBe(false);
      expect(read?.staff.mustChangePassword).toBe(true);
      expect(read?.createdAt).toBeInstanceOf(Date);
    }
    expect((await getStaffSessionWithStaff(ended.id))?.endReason).toBe("signed out");
  });

  it("is null for an id no session has, whatever characters it holds", async () => {
    for (const id of ["nobody", "' OR 1=1--", "%", 'ü"x', "x".repeat(5000)]) expect(await getStaffSessionWithStaff(id)).toBeNull();
  });

  it("is not looked up for an id startStaffSession cannot have made, a NUL in it too", async () => {
    const staff = await db.staffUser.create({ data: { email: `reads-${randomUUID()}@example.test`, name: "x", role: "viewer" } });
    for (const id of ["a\u0000b", "a b", "ü", "", "x".repeat(129)]) expect(await staffForSession(id, staff.id)).toBeNull();
    const id = await startStaffSession(staff.id);
    expect((await staffForSession(id, staff.id))?.id).toBe(staff.id);
  });
});

describe("the environments", () => {
  it("are listed and picked as Prisma lists and picks them, deleted ones where asked", async () => {
    const deleted = await environment("zz-deleted", { deletedAt: new Date(), accountId: "acct-deleted", kind: "embedded", baseUrl: "" });
    const live = await environment("aa-live", { appApplicationId: "app", appPublicKey: "key", eventsWebhookUrl: "https://hooks.example.test/e" });

    expect(await listLiveEnvironments()).toEqual(await db.environment.findMany({ where: { deletedAt: null }, orderBy: [{ kind: "asc" }, { name: "asc" }] }));
    const liveFirst = await listEnvironmentsLiveFirst();
    expect(liveFirst).toEqual(await db.environment.findMany({ orderBy: [{ deletedAt: { sort: "asc", nulls: "first" } }, { kind: "asc" }, { name: "asc" }] }));
    expect(liveFirst.findIndex((e) => e.id === live.id)).toBeLessThan(liveFirst.findIndex((e) => e.id === deleted.id));

    expect(await getLiveEnvironment(live.id)).toEqual(live);
    expect(await getLiveEnvironment(deleted.id)).toBeNull();
    expect(await getLiveEnvironment("' OR 1=1--")).toBeNull();
    expect(await getOldestLiveEnvironment()).toEqual(await db.environment.findFirst({ where: { deletedAt: null }, orderBy: { createdAt: "asc" } }));

    expect((await findEmbeddedEnvironment(null))?.id).toBe(environmentId);
    expect(await findEmbeddedEnvironment(null, { liveOnly: true })).toEqual(await db.environment.findFirst({ where: { kind: "embedded", accountId: null, deletedAt: null } }));
    expect(await findEmbeddedEnvironment("acct-deleted")).toEqual(deleted);
    expect(await findEmbeddedEnvironment("acct-deleted", { liveOnly: true })).toBeNull();
  });
});

describe("the people behind flows", () => {
  it("are found by environment and user, so one userId in two environments is two people", async () => {
    const other = await environment("people");
    const userId = `usr-${randomUUID()}`;
    await db.endUser.create({ data: { environmentId, userId, externalRef: "cust-1", firstName: "JANE", lastName: "SMITH" } });
    await db.endUser.create({ data: { environmentId: other.id, userId, externalRef: null, firstName: null, lastName: "ØDEGÅRD" } });

    const people = await knownPeople([
      { environmentId, userId },
      { environmentId: other.id, userId },
      { environmentId, userId }, // the same person twice: read once
      { environmentId, userId: "usr-unknown" },
      { environmentId, userId: null },
    ]);
    expect(people).toEqual(
      new Map([
        [`${environmentId} ${userId}`, { name: "JANE SMITH", externalRef: "cust-1" }],
        [`${other.id} ${userId}`, { name: "ØDEGÅRD", externalRef: null }],
      ]),
    );
    expect(await knownPeople([{ environmentId, userId: null }])).toEqual(new Map());
  });
});
