import { redirect } from "next/navigation";
import { countStaff } from "@/lib/staff";
import { SetupForm } from "./setup-form";

export const metadata = { title: "First run" };
export const dynamic = "force-dynamic";

/** Asks for the first admin, and only while the console has no staff user. */
export default async function SetupPage() {
  if ((await countStaff()) > 0) redirect("/signin");
  return <SetupForm />;
}
