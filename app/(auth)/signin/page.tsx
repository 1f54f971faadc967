import { redirect } from "next/navigation";
import { currentStaff } from "@/lib/auth/session";
import { countStaff } from "@/lib/staff";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await countStaff()) === 0) redirect("/setup");
  if (await currentStaff()) redirect("/");
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return <SignInForm callbackUrl={safe} />;
}
