// Staff users (the people who sign in to the console), as stored. The rules (passwords, the
// last admin, sessions ending on a change) live in lib/staff/accounts.ts.
import { db, type DbClient } from "@/lib/data/db";
import type { StaffUser } from "@/lib/generated/prisma/client";

export type NewStaffUser = { email: string; name: string; role: string; passwordHash: string | null };
export type StaffUserChange = Partial<Pick<StaffUser, "role" | "active" | "passwordHash" | "mustChangePassword">>;

export async function countStaffUsers(client: DbClient = db): Promise<number> {
  return client.staffUser.count();
}

export async function countActiveAdmins(client: DbClient = db): Promise<number> {
  return client.staffUser.count({ where: { role: "admin", active: true } });
}

export async function getStaffUserById(id: string, client: DbClient = db): Promise<StaffUser | null> {
  return client.staffUser.findUnique({ where: { id } });
}

/** By the normalized email (lib/staff/accounts.ts normalizeEmail). */
export async function getStaffUserByEmail(email: string, client: DbClient = db): Promise<StaffUser | null> {
  return client.staffUser.findUnique({ where: { email } });
}

/** Like getStaffUserByEmail, but a missing row is Prisma's not-found error. */
export async function getStaffUserByEmailOrThrow(email: string): Promise<StaffUser> {
  return db.staffUser.findUniqueOrThrow({ where: { email } });
}

/** A taken email fails with Prisma's unique-violation error (P2002). */
export async function insertStaffUser(data: NewStaffUser, client: DbClient = db): Promise<StaffUser> {
  return client.staffUser.create({ data });
}

export async function updateStaffUser(id: string, change: StaffUserChange, client: DbClient = db): Promise<StaffUser> {
  return client.staffUser.update({ where: { id }, data: change });
}

/** Every staff user, active ones first, then oldest first. */
export async function listStaffUsersActiveFirst(): Promise<StaffUser[]> {
  return db.staffUser.findMany({ orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
}

/** The names behind some emails, for labelling audit entries. */
export async function listStaffNamesByEmail(emails: string[]): Promise<{ email: string; name: string }[]> {
  return db.staffUser.findMany({ where: { email: { in: emails } }, select: { email: true, name: true } });
}
