import { PageHeader } from "@/components/ui/card";
import { canManageEnvironments } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listEnvironments, publicEnvironment } from "@/lib/environments";
import { EnvironmentList } from "./environment-list";

export const metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  const [staff, environments] = await Promise.all([requireStaff(), listEnvironments()]);
  return (
    <>
      <PageHeader title="Environments" description="Saved connections to Signicat: the API base URL and an API client's credentials. Secrets are encrypted at rest and never sent to a browser." />
      <EnvironmentList environments={environments.map(publicEnvironment)} canManage={canManageEnvironments(staff)} />
    </>
  );
}
