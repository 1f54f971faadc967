import { canRead } from "@/lib/auth/roles";
import { data, route } from "@/lib/http/route";
import { changeOwnPassword } from "@/lib/staff/accounts";
import { ownPasswordInput } from "@/lib/staff/input";

export const dynamic = "force-dynamic";

/** The signed-in staff user changes their own password, proving the current one; their other sessions end. */
export const POST = route({ permission: canRead, action: "staff.password.change", body: ownPasswordInput, allowWhilePasswordChangeRequired: true }, async ({ staff, body, audit }) => {
  audit({ target: staff.email });
  const { endedSessions } = await changeOwnPassword(staff.id, body, staff.sessionId);
  audit({ detail: `${endedSessions} other session(s) ended` });
  return data({ endedSessions });
});
