// Staff users (the people who sign in to the console): creating, authenticating, the admin page's
// changes and passwords. Their rows are read and written through lib/data/queries/staff-users.ts.
import { serializableTransaction } from "@/lib/data/queries/shared";
import { countActiveAdmins, countStaffUsers, getStaffUserByEmail, getStaffUserById, insertStaffUser, listStaffUsersActiveFirst, updateStaffUser } from "@/lib/data/queries/staff-users";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { isRole, type Role, type StaffSession } from "@/lib/auth/roles";
import { ApiError, notFound } from "@/lib/http/api-error";
import { endSessionsOfStaff } from "@/lib/auth/staff-sessions";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function countStaff(): Promise<number> {
  return countStaffUsers();
}

export async function createStaffUser(input: { email: string; name: string; password: string; role: Role }) {
  return insertStaffUser({ email: normalizeEmail(input.email), name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) });
}

/**
 * Creates the first admin only while no staff user exists. Two racing requests cannot both
 * succeed: the count and the insert run in one serializable transaction (on either database).
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return serializableTransaction(async (tx) => {
    if ((await countStaffUsers(tx)) > 0) return null;
    return insertStaffUser({ email: normalizeEmail(input.email), name: input.name.trim(), role: "admin", passwordHash }, tx);
  });
}

/** The staff user for these credentials, or null, without telling which part was wrong. */
export async function authenticateStaff(email: string, password: string): Promise<StaffSession | null> {
  const user = await getStaffUserByEmail(normalizeEmail(email));
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The current state of a signed-in staff user: a deactivated user or changed role takes effect at once. */
export async function getActiveStaff(id: string): Promise<StaffSession | null> {
  const user = await getStaffUserById(id);
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

// ---------------------------------------------------------------- staff admin

export type StaffListItem = { id: string; email: string; name: string; role: string; active: boolean; createdAt: string };

type StaffRow = { id: string; email: string; name: string; role: string; active: boolean; createdAt: Date };
const listItem = (u: StaffRow): StaffListItem => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() });

/** Every staff user, active ones first. Staff users are never deleted: the audit trail references them. */
export async function listStaffUsers(): Promise<StaffListItem[]> {
  const rows = await listStaffUsersActiveFirst();
  return rows.map(listItem);
}

export async function getStaffUser(id: string): Promise<StaffListItem | null> {
  const row = await getStaffUserById(id);
  return row ? listItem(row) : null;
}

const emailTaken = () => new ApiError(409, "email_taken", "A staff user with this email exists.", { email: "A staff user with this email exists." });

export async function addStaffUser(input: { email: string; name: string; password: string; role: Role }): Promise<StaffListItem> {
  if (await getStaffUserByEmail(normalizeEmail(input.email))) throw emailTaken();
  try {
    return listItem(await createStaffUser(input));
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") throw emailTaken(); // lost a race to the same email
    throw error;
  }
}

/**
 * Changes a staff user's role or active flag, refusing (409 last_admin) a change that would
 * leave the console without an active admin. The check runs after the write, inside the same
 * serializable transaction, so two admins demoting each other at once (on one or two console
 * processes) are serialised and the second sees the first's change.
 */
export async function changeStaffUser(id: string, change: { role?: Role; active?: boolean }): Promise<{ before: StaffListItem; after: StaffListItem; endedSessions: number }> {
  const changed = await serializableTransaction(async (tx) => {
    const before = await getStaffUserById(id, tx);
    if (!before) throw notFound("The staff user");
    if (change.role !== undefined && change.role === before.role) throw new ApiError(409, "no_change", `${before.email} already has the role ${before.role}.`);
    if (change.active !== undefined && change.active === before.active) {
      throw new ApiError(409, "no_change", `${before.email} is already ${before.active ? "active" : "deactivated"}.`);
    }
    const after = await updateStaffUser(id, change, tx);
    if (before.role === "admin" && before.active && (await countActiveAdmins(tx)) === 0) {
      throw new ApiError(409, "last_admin", `${before.email} is the last active admin. Make another staff user admin first, so someone can still manage the console.`);
    }
    return { before: listItem(before), after: listItem(after) };
  });
  // A cookie issued before the change must not carry the old role, or revive a deactivated user.
  const why = change.role !== undefined ? `role changed to ${change.role}` : change.active ? "reactivated" : "deactivated";
  return { ...changed, endedSessions: await endSessionsOfStaff(id, why) };
}

// ---------------------------------------------------------------- passwords

/** A staff user changes their own password; their other sessions end, the one they use stays. */
export async function changeOwnPassword(staffId: string, input: { currentPassword: string; newPassword: string }, keepSessionId: string): Promise<{ endedSessions: number }> {
  const user = await getStaffUserById(staffId);
  if (!user) throw notFound("The staff user");
  if (!user.passwordHash) throw new ApiError(409, "no_password", "You sign in with single sign-on: your password is your company's, changed there.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ApiError(400, "validation_failed", "Some fields are not valid.", { currentPassword: "This is not your current password." });
  }
  if (input.currentPassword === input.newPassword) {
    throw new ApiError(400, "validation_failed", "Some fields are not valid.", { newPassword: "Choose a password different from the current one." });
  }
  await updateStaffUser(staffId, { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false });
  return { endedSessions: await endSessionsOfStaff(staffId, "password changed", keepSessionId) };
}

/** An admin sets a one-time password for someone: their sessions end, and their next sign-in must choose a new one. */
export async function resetStaffPassword(id: string, temporaryPassword: string): Promise<{ user: StaffListItem; endedSessions: number }> {
  const before = await getStaffUserById(id);
  if (!before) throw notFound("The staff user");
  const user = await updateStaffUser(id, { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true });
  return { user: listItem(user), endedSessions: await endSessionsOfStaff(id, "password reset by an admin") };
}
