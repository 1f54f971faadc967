import { startOnboarding } from "@/lib/flows/onboarding";
import { onboardingInput } from "@/lib/flows/onboarding-input";
import { startFlowHandler } from "@/lib/flows/start-handler";

export const dynamic = "force-dynamic";

export const POST = startFlowHandler("flow.onboarding.start", onboardingInput, startOnboarding);
