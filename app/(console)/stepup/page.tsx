import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/states";
import { canRunFlows } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listEnvironments, publicEnvironment } from "@/lib/environments";
import { currentEnvironment } from "@/lib/environments/current";
import { StepUpForm } from "./stepup-form";

export const metadata = { title: "Step-up" };

export default async function StepUpPage({ searchParams }: { searchParams: Promise<{ userId?: string; deviceId?: string; environmentId?: string }> }) {
  const [staff, environments, current, params] = await Promise.all([requireStaff(), listEnvironments(), currentEnvironment(), searchParams]);
  const environmentId = environments.some((e) => e.id === params.environmentId) ? params.environmentId! : (current?.id ?? "");
  return (
    <>
      <PageHeader
        title="Step up a user"
        description="Proves again who an existing user is: their device must approve a MobileID authentication, then a new VideoID proofing runs and updates the identity on the user."
      />
      {canRunFlows(staff) ? (
        <StepUpForm environments={environments.map(publicEnvironment)} defaultEnvironmentId={environmentId} initialUserId={params.userId ?? ""} initialDeviceId={params.deviceId ?? ""} />
      ) : (
        <Notice tone="warning">Your role can look at flows but not start them. Ask an admin for the tester role.</Notice>
      )}
    </>
  );
}
