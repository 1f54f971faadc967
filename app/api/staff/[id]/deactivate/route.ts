import { z } from "zod";
import { canManageStaff } from "@/lib/auth/roles";
import { data, route } from "@/lib/http/route";
import { changeStaffUser, getStaffUser } from "@/lib/staff/accounts";
import { staffReasonInput } from "@/lib/staff/input";

export const dynamic = "force-dynamic";

export const POST = route({ permission: canManageStaff, action: "staff.deactivate", params: z.object({ id: z.string().min(1) }), body: staffReasonInput }, async ({ params, body, audit }) => {
  audit({ target: (await getStaffUser(params.id))?.email ?? params.id, reason: body.reason });
  const { after } = await changeStaffUser(params.id, { active: false });
  return data(after);
});
