import { canManageStaff } from "@/lib/auth/roles";
import { data, route } from "@/lib/http/route";
import { addStaffUser, listStaffUsers, normalizeEmail } from "@/lib/staff/accounts";
import { staffCreateInput } from "@/lib/staff/input";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canManageStaff }, async () => data(await listStaffUsers()));

export const POST = route({ permission: canManageStaff, action: "staff.create", body: staffCreateInput }, async ({ body, audit }) => {
  audit({ target: normalizeEmail(body.email), reason: body.reason, detail: `role ${body.role}` });
  return data(await addStaffUser(body), { status: 201 });
});
