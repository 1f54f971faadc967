import { followAuthentication } from "./authentication";
import { followFlow } from "./lifecycle";
import { followOnboarding } from "./onboarding";
import { followStepUp } from "./stepup";

/** Asks the API about a pending flow once; the watcher (watcher.ts) decides when. */
export const refreshFlow = (flowId: string) => followFlow(flowId, { onboarding: followOnboarding, stepup: followStepUp, authentication: followAuthentication });
