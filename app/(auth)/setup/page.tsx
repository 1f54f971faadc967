import { redirect } from "next/navigation";
import { readSignInSettings } from "@/lib/auth/oidc";
import { ErrorNotice } from "@/components/ui/states";
import { countStaff } from "@/lib/staff/accounts";
import { signInErrorMessage } from "../signin/sign-in-errors";
import { SingleSignOnButton } from "../signin/single-sign-on-button";
import { SetupForm } from "./setup-form";
import { SingleSignOnFirstRun } from "./single-sign-on-first-run";

export const metadata = { title: "First run" };
export const dynamic = "force-dynamic";

/** Asks for the first admin, and only while the console has no staff user; with password sign-in off, explains how company sign-in starts it. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if ((await countStaff()) > 0) redirect("/signin");
  const { password, oidc } = readSignInSettings();
  const { error } = await searchParams;
  const failure = error ? <ErrorNotice title="Sign-in failed">{signInErrorMessage(error, oidc?.name)}</ErrorNotice> : null;
  if (!password && oidc) return <SingleSignOnFirstRun name={oidc.name} roleClaim={oidc.roleClaim} failure={failure} />;
  return (
    <div className="space-y-4">
      {failure}
      <SetupForm />
      {oidc ? (
        <div className="space-y-2 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-slate-600">Or sign in with {oidc.name}: your role comes from your account there, and you need no console password.</p>
          <SingleSignOnButton name={oidc.name} callbackUrl="/" variant="secondary" />
        </div>
      ) : null}
    </div>
  );
}
