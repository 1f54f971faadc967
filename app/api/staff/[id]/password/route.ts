import { z } from "zod";
import { canManageStaff } from "@/lib/auth/roles";
import { data, route } from "@/lib/http/route";
import { getStaffUser, resetStaffPassword } from "@/lib/staff/accounts";
import { passwordResetInput } from "@/lib/staff/input";

export const dynamic = "force-dynamic";

/** An admin sets a one-time password: the user's sessions end and their next sign-in asks for a new one. */
export const POST = route({ permission: canManageStaff, action: "staff.password.reset", params: z.object({ id: z.string().min(1) }), body: passwordResetInput }, async ({ params, body, audit }) => {
  audit({ target: (await getStaffUser(params.id))?.email ?? params.id, reason: body.reason });
  const { user, endedSessions } = await resetStaffPassword(params.id, body.temporaryPassword);
  audit({ detail: `must choose a new password at next sign-in; ${endedSessions} session(s) ended` });
  return data(user);
});
