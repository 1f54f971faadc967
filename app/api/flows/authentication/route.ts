import { startAuthentication } from "@/lib/flows/authentication";
import { authenticationInput } from "@/lib/flows/authentication-input";
import { startFlowHandler } from "@/lib/flows/start-handler";

export const dynamic = "force-dynamic";

export const POST = startFlowHandler("flow.authentication.start", authenticationInput, startAuthentication);
