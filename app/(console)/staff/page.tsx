import { PageHeader } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/states";
import { canManageStaff, ROLE_LABELS } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listStaffUsers } from "@/lib/staff/accounts";
import { StaffAdmin } from "./staff-admin";

export const metadata = { title: "Staff" };

export default async function StaffPage() {
  const staff = await requireStaff();
  if (!staff || !canManageStaff(staff)) {
    return (
      <>
        <PageHeader title="Staff" />
        <ErrorNotice title="Not allowed">Your role ({staff ? ROLE_LABELS[staff.role] : "none"}) may not manage staff users. Ask an admin to add, change or deactivate staff.</ErrorNotice>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Staff"
        description="Who may sign in to this console and what their role lets them do. Every change asks why and is kept in the audit trail; staff users are deactivated, never deleted."
      />
      <StaffAdmin users={await listStaffUsers()} currentStaffId={staff.id} />
    </>
  );
}
