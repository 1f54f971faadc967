import { z } from "zod";
import { canManageStaff } from "@/lib/auth/roles";
import { data, route } from "@/lib/http/route";
import { changeStaffUser, getStaffUser } from "@/lib/staff/accounts";
import { staffRoleInput } from "@/lib/staff/input";

export const dynamic = "force-dynamic";

export const PUT = route({ permission: canManageStaff, action: "staff.role.change", params: z.object({ id: z.string().min(1) }), body: staffRoleInput }, async ({ params, body, audit }) => {
  audit({ target: (await getStaffUser(params.id))?.email ?? params.id, reason: body.reason, detail: `to ${body.role}` });
  const { before, after } = await changeStaffUser(params.id, { role: body.role });
  audit({ detail: `${before.role} → ${after.role}` });
  return data(after);
});
