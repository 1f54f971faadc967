import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/states";
import { canRunFlows } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listEnvironments, publicEnvironment } from "@/lib/environments";
import { currentEnvironment } from "@/lib/environments/current";
import { AuthenticationForm } from "./authentication-form";

export const metadata = { title: "Authenticate" };

export default async function AuthenticatePage({ searchParams }: { searchParams: Promise<{ userId?: string; deviceId?: string; environmentId?: string }> }) {
  const [staff, environments, current, params] = await Promise.all([requireStaff(), listEnvironments(), currentEnvironment(), searchParams]);
  const environmentId = environments.some((e) => e.id === params.environmentId) ? params.environmentId! : (current?.id ?? "");
  return (
    <>
      <PageHeader
        title="Authenticate a user"
        description="Reuses the identity: a MobileID authentication on the user's device — the device shows your text, the user approves or rejects, and the attributes you ask for come back."
      />
      {canRunFlows(staff) ? (
        <AuthenticationForm environments={environments.map(publicEnvironment)} defaultEnvironmentId={environmentId} initialUserId={params.userId ?? ""} initialDeviceId={params.deviceId ?? ""} />
      ) : (
        <Notice tone="warning">Your role can look at flows but not start them. Ask an admin for the tester role.</Notice>
      )}
    </>
  );
}
