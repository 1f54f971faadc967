// The staff admin forms' rules, shared by the page and the route handlers.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

/** Every change of a staff user says why; the reason goes into the audit entry. */
export const reasonInput = z.string({ message: "Say why." }).trim().min(3, "Say why, in at least 3 characters.").max(500, "Keep the reason under 500 characters.");

const roleInput = z.enum(ROLES, { message: "Choose a role." });

export const staffCreateInput = z.object({
  name: z.string({ message: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Keep the name under 100 characters."),
  email: z.string({ message: "Enter an email address." }).trim().email("Enter a valid email address.").max(200),
  password: z.string({ message: "Enter an initial password." }).min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
  role: roleInput,
  reason: reasonInput,
});
export type StaffCreateInput = z.infer<typeof staffCreateInput>;

export const staffRoleInput = z.object({ role: roleInput, reason: reasonInput });
export const staffReasonInput = z.object({ reason: reasonInput });

const newPassword = z.string({ message: "Enter a new password." }).min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const ownPasswordInput = z.object({
  currentPassword: z.string({ message: "Enter your current password." }).min(1, "Enter your current password.").max(200),
  newPassword,
});

export const passwordResetInput = z.object({ temporaryPassword: newPassword, reason: reasonInput });
