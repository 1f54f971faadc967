import { stepUpInput } from "@/lib/flows/onboarding-input";
import { startFlowHandler } from "@/lib/flows/start-handler";
import { startStepUp } from "@/lib/flows/stepup";

export const dynamic = "force-dynamic";

export const POST = startFlowHandler("flow.stepup.start", stepUpInput, startStepUp);
