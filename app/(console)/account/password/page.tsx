import { requireStaff } from "@/lib/auth/session";
import { Notice } from "@/components/ui/states";
import { PasswordForm } from "./password-form";

export const metadata = { title: "Password" };

/** Change one's own password; after an admin's reset, the only page that opens until a new one is chosen. */
export default async function PasswordPage() {
  const staff = await requireStaff();
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{staff.mustChangePassword ? "Choose a new password" : "Change your password"}</h1>
      {staff.mustChangePassword ? <Notice>An admin reset your password. Choose your own before you go on: the one you signed in with works only for this.</Notice> : null}
      <PasswordForm email={staff.email} mustChange={staff.mustChangePassword} />
    </div>
  );
}
