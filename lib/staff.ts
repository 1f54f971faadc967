// Data access for staff users (the people who sign in to the console).
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { isRole, type Role, type StaffSession } from "@/lib/auth/roles";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function countStaff(): Promise<number> {
  return db.staffUser.count();
}

export async function createStaffUser(input: { email: string; name: string; password: string; role: Role }) {
  return db.staffUser.create({
    data: { email: normalizeEmail(input.email), name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
  });
}

/**
 * Creates the first admin only while no staff user exists. Two racing requests cannot both
 * succeed: the count and the insert run in one transaction and SQLite serialises writers.
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.staffUser.count()) > 0) return null;
    return tx.staffUser.create({ data: { email: normalizeEmail(input.email), name: input.name.trim(), role: "admin", passwordHash } });
  });
}

/** The staff user for these credentials, or null, without telling which part was wrong. */
export async function authenticateStaff(email: string, password: string): Promise<StaffSession | null> {
  const user = await db.staffUser.findUnique({ where: { email: normalizeEmail(email) } });
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The current state of a signed-in staff user: a deactivated user or changed role takes effect at once. */
export async function getActiveStaff(id: string): Promise<StaffSession | null> {
  const user = await db.staffUser.findUnique({ where: { id } });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
