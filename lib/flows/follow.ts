import { followAuthentication } from "./authentication";
import { followFlow } from "./lifecycle";
import { followOnboarding } from "./onboarding";
import { followStepUp } from "./stepup";

/** Brings a pending flow up to date with the API (at most once a second per flow, unless `force`). */
export const refreshFlow = (flowId: string, opts?: { force?: boolean }) =>
  followFlow(flowId, { onboarding: followOnboarding, stepup: followStepUp, authentication: followAuthentication }, opts);
