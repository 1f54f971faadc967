import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/states";
import { canRunFlows } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listEnvironments, publicEnvironment } from "@/lib/environments";
import { currentEnvironment } from "@/lib/environments/current";
import { OnboardingForm } from "./onboarding-form";

export const metadata = { title: "Onboarding" };

export default async function OnboardingPage() {
  const [staff, environments, current] = await Promise.all([requireStaff(), listEnvironments(), currentEnvironment()]);
  return (
    <>
      <PageHeader
        title="Start an onboarding"
        description="Creates a MobileID user, gives you an activation code for the Authenticator App, and runs a VideoID document-and-face proofing. When it completes, the identity is written onto the user."
      />
      {canRunFlows(staff) ? (
        <OnboardingForm environments={environments.map(publicEnvironment)} defaultEnvironmentId={current?.id ?? ""} />
      ) : (
        <Notice tone="warning">Your role can look at flows but not start them. Ask an admin for the tester role.</Notice>
      )}
    </>
  );
}
