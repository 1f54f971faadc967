import { localPath } from "@/lib/http/local-path";
import { redirect } from "next/navigation";
import { readSignInSettings } from "@/lib/auth/oidc";
import { currentStaff } from "@/lib/auth/session";
import { countStaff } from "@/lib/staff/accounts";
import { signInErrorMessage } from "./sign-in-errors";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // A refused first company sign-in comes back here: the first-run page says why.
  if ((await countStaff()) === 0) redirect(error ? `/setup?error=${encodeURIComponent(error)}` : "/setup");
  if (await currentStaff()) redirect("/");
  const settings = readSignInSettings();
  const safe = localPath(callbackUrl);
  return (
    <SignInForm callbackUrl={safe} passwordSignIn={settings.password} singleSignOnName={settings.oidc?.name ?? null} initialError={error ? signInErrorMessage(error, settings.oidc?.name) : null} />
  );
}
