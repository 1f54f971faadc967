// Every console route handler written with route(), with the words its documentation needs.
// Its schemas and permission come from the handlers themselves; catalog.test.ts fails when a
// route file on disk is missing here.
import type { ConsoleOperation } from "@/lib/http/console-openapi";
import * as auditExport from "../audit/export/route";
import * as audit from "../audit/route";
import * as documentTypes from "../document-types/route";
import * as deliveries from "../emulator-admin/accounts/[accountId]/deliveries/route";
import * as expire from "../emulator-admin/accounts/[accountId]/expire/route";
import * as faults from "../emulator-admin/accounts/[accountId]/faults/route";
import * as reset from "../emulator-admin/accounts/[accountId]/reset/route";
import * as subscription from "../emulator-admin/accounts/[accountId]/subscriptions/[subscriptionId]/route";
import * as subscriptions from "../emulator-admin/accounts/[accountId]/subscriptions/route";
import * as accounts from "../emulator-admin/accounts/route";
import * as revoke from "../emulator-admin/clients/[clientId]/revoke/route";
import * as clients from "../emulator-admin/clients/route";
import * as environmentPostman from "../environments/[id]/postman/route";
import * as environment from "../environments/[id]/route";
import * as environmentTest from "../environments/[id]/test/route";
import * as environments from "../environments/route";
import * as environmentSelect from "../environments/select/route";
import * as flowExport from "../flows/[id]/export/route";
import * as flowImage from "../flows/[id]/images/[depiction]/route";
import * as flowProofing from "../flows/[id]/proofing/route";
import * as flow from "../flows/[id]/route";
import * as flowStream from "../flows/[id]/stream/route";
import * as startAuthentication from "../flows/authentication/route";
import * as flowsExport from "../flows/export/route";
import * as startOnboarding from "../flows/onboarding/route";
import * as flows from "../flows/route";
import * as startStepUp from "../flows/stepup/route";
import * as proofingImage from "../proofings/[dossierId]/[processId]/images/[depiction]/route";
import * as proofing from "../proofings/[dossierId]/[processId]/route";
import * as staffDeactivate from "../staff/[id]/deactivate/route";
import * as staffReactivate from "../staff/[id]/reactivate/route";
import * as staffRole from "../staff/[id]/role/route";
import * as staff from "../staff/route";
import * as userActions from "../users/[userId]/actions/route";
import * as deviceActions from "../users/[userId]/devices/[deviceId]/actions/route";
import * as user from "../users/[userId]/route";
import * as userTransactions from "../users/[userId]/transactions/route";
import * as users from "../users/route";
import * as accountPassword from "../account/password/route";
import * as staffPassword from "../staff/[id]/password/route";
import * as demoBrand from "../demo/brands/[id]/route";
import * as demoBrands from "../demo/brands/route";
import * as demoFlowImage from "../demo/flows/[id]/images/[depiction]/route";
import * as demoFlowProofing from "../demo/flows/[id]/proofing/route";
import * as demoFlow from "../demo/flows/[id]/route";
import * as demoFlows from "../demo/flows/route";
import * as demoReset from "../demo/reset/route";

const op = (tag: string, path: string, module: object, summaries: Record<string, string>): ConsoleOperation => ({ tag, path, module, summaries });

export const CONSOLE_OPERATIONS: ConsoleOperation[] = [
  op("Flows", "/api/flows", flows, { GET: "List flows (filters as in History)" }),
  op("Flows", "/api/flows/export", flowsExport, { GET: "Export the filtered flows as CSV or JSON" }),
  op("Flows", "/api/flows/onboarding", startOnboarding, { POST: "Start an onboarding" }),
  op("Flows", "/api/flows/stepup", startStepUp, { POST: "Start a step-up" }),
  op("Flows", "/api/flows/authentication", startAuthentication, { POST: "Start an authentication" }),
  op("Flows", "/api/flows/{id}", flow, { GET: "A flow with its steps and exchanges; with since (a previous answer's cursor) only what changed since then" }),
  op("Flows", "/api/flows/{id}/stream", flowStream, { GET: "The flow's changes pushed as Server-Sent Events (update, ping, end) while it is pending" }),
  op("Flows", "/api/flows/{id}/export", flowExport, { GET: "The flow as JSON, or a shell script or Postman collection that replays it" }),
  op("Flows", "/api/flows/{id}/proofing", flowProofing, { GET: "The flow's proofing record from the Assure API" }),
  op("Flows", "/api/flows/{id}/images/{depiction}", flowImage, { GET: "An image of the flow's proofing" }),
  op("Users", "/api/users", users, { GET: "Find end-users by userId, externalRef or name" }),
  op("Users", "/api/users/{userId}", user, { GET: "An end-user with devices, proofings and transactions" }),
  op("Users", "/api/users/{userId}/transactions", userTransactions, { GET: "A page of the user's transactions" }),
  op("Users", "/api/users/{userId}/actions", userActions, { POST: "Lock, unlock, rename, deactivate or delete the user, with a reason" }),
  op("Users", "/api/users/{userId}/devices/{deviceId}/actions", deviceActions, { POST: "Lock, unlock, rename, deactivate or delete a device, with a reason" }),
  op("Proofings", "/api/proofings/{dossierId}/{processId}", proofing, { GET: "A proofing record" }),
  op("Proofings", "/api/proofings/{dossierId}/{processId}/images/{depiction}", proofingImage, { GET: "An image of a proofing" }),
  op("Proofings", "/api/document-types", documentTypes, { GET: "The VideoID document types of the current environment" }),
  op("Environments", "/api/environments", environments, { GET: "List environments", POST: "Add an environment" }),
  op("Environments", "/api/environments/{id}", environment, { GET: "An environment", PATCH: "Change an environment", DELETE: "Delete an environment" }),
  op("Environments", "/api/environments/{id}/test", environmentTest, { POST: "Test the connection (fetch a token)" }),
  op("Environments", "/api/environments/{id}/postman", environmentPostman, { GET: "The environment's Postman environment or quick-start collection" }),
  op("Environments", "/api/environments/select", environmentSelect, { POST: "Pick the environment the caller's pages act on" }),
  op("Emulator", "/api/emulator-admin/accounts", accounts, { GET: "The emulator's accounts" }),
  op("Emulator", "/api/emulator-admin/clients", clients, { GET: "The emulator's API clients", POST: "Create an API client (its secret is shown once)" }),
  op("Emulator", "/api/emulator-admin/clients/{clientId}/revoke", revoke, { POST: "Revoke an API client" }),
  op("Emulator", "/api/emulator-admin/accounts/{accountId}/faults", faults, { GET: "The account's faults", PUT: "Set the account's faults", DELETE: "Clear the account's faults" }),
  op("Emulator", "/api/emulator-admin/accounts/{accountId}/expire", expire, { POST: "Expire every pending code, authentication and proofing" }),
  op("Emulator", "/api/emulator-admin/accounts/{accountId}/reset", reset, { POST: "Forget the account's users, devices, flows and proofings" }),
  op("Emulator", "/api/emulator-admin/accounts/{accountId}/subscriptions", subscriptions, { GET: "The account's event subscriptions", POST: "Subscribe a URL to events" }),
  op("Emulator", "/api/emulator-admin/accounts/{accountId}/subscriptions/{subscriptionId}", subscription, { DELETE: "Delete a subscription" }),
  op("Emulator", "/api/emulator-admin/accounts/{accountId}/deliveries", deliveries, { GET: "The account's event deliveries" }),
  op("Staff and audit", "/api/staff", staff, { GET: "List staff users", POST: "Add a staff user" }),
  op("Staff and audit", "/api/staff/{id}/role", staffRole, { PUT: "Change a staff user's role" }),
  op("Staff and audit", "/api/staff/{id}/deactivate", staffDeactivate, { POST: "Deactivate a staff user" }),
  op("Staff and audit", "/api/staff/{id}/reactivate", staffReactivate, { POST: "Reactivate a staff user" }),
  op("Staff and audit", "/api/staff/{id}/password", staffPassword, { POST: "Reset a staff user's password (they choose a new one at their next sign-in)" }),
  op("Staff and audit", "/api/account/password", accountPassword, { POST: "Change your own password (the current one required)" }),
  op("Demo", "/api/demo/brands", demoBrands, { GET: "The saved demo brands", POST: "Save a demo brand (name, colour, logo)" }),
  op("Demo", "/api/demo/brands/{id}", demoBrand, { DELETE: "Delete a demo brand" }),
  op("Demo", "/api/demo/flows", demoFlows, { POST: "Start the demo story's next flow in the Demo environment" }),
  op("Demo", "/api/demo/flows/{id}", demoFlow, { GET: "A demo flow as the audience sees it" }),
  op("Demo", "/api/demo/flows/{id}/proofing", demoFlowProofing, { GET: "A demo flow's proofing record" }),
  op("Demo", "/api/demo/flows/{id}/images/{depiction}", demoFlowImage, { GET: "An image of a demo flow's proofing" }),
  op("Demo", "/api/demo/reset", demoReset, { POST: "Reset the demo account to its baseline" }),
  op("Staff and audit", "/api/audit", audit, { GET: "The audit trail (filters as on the Audit page)" }),
  op("Staff and audit", "/api/audit/export", auditExport, { GET: "Export the audit trail as CSV or JSON" }),
];

/** Route files without a route() spec (next-auth's own, the publicRoute() ones, this document), each with why. */
export const UNDOCUMENTED: Record<string, string> = {
  "/api/auth/[...nextauth]": "next-auth's own sign-in and session endpoints",
  "/api/health": "the liveness probe (public)",
  "/api/health/ready": "the readiness probe (public)",
  "/api/setup": "the first-run page's one-time admin creation",
  "/api/openapi.json": "this document itself (any signed-in role)",
  "/api/events/[environmentId]": "Signicat's Events webhook (public, HMAC-signed by Signicat)",
};
