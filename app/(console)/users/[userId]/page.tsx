import { notFound } from "next/navigation";
import { canManageUsersAndDevices, canRunFlows } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { getEnvironment, publicEnvironment } from "@/lib/environments";
import { currentEnvironment } from "@/lib/environments/current";
import { listFlowsOfUser } from "@/lib/flows/history";
import { UserView } from "./user-view";

export const metadata = { title: "User" };

export default async function UserPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ environmentId?: string }> }) {
  const [{ userId }, query, staff] = await Promise.all([params, searchParams, requireStaff()]);
  const env = (query.environmentId ? await getEnvironment(query.environmentId) : null) ?? (await currentEnvironment());
  if (!env) notFound();
  const flows = await listFlowsOfUser(env.id, decodeURIComponent(userId));
  return <UserView userId={decodeURIComponent(userId)} environment={publicEnvironment(env)} flows={flows} canManage={canManageUsersAndDevices(staff)} canRunFlows={canRunFlows(staff)} />;
}
