// 6. Events and 8. simulator control: the emulator's own APIs (decided paths), for tests and pipelines.
import { z } from "zod";
import {
  activationResponse,
  deliveryListResponse,
  faultsResponse,
  simulatedProofingResponse,
  subscriptionCreated,
  subscriptionListResponse,
  subscriptionResponse,
  authenticationResponse,
} from "../contract/responses";
import { proofingResult } from "../app-side";
import { createSubscription, deleteSubscription, getSubscription, listDeliveries, listSubscriptions, subscriptionInput } from "../events";
import { clearFaults, faultsInput, getFaults, setFaults } from "../faults";
import { json, noContent } from "../http";
import { callerAddress } from "../caller-address";
import { decisionBody, resetAccount, simulateActivation, simulateAuthentication, simulateProofing, simulatedActivationBody } from "../simulator";
import { defineRoute, type Route } from "./route";

const doc = (tag: string, operationId: string, summary: string, description?: string) => ({ api: "emulator" as const, tag, operationId, summary, description });

export const EVENT_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: "/events/subscriptions",
    auth: "bearer",
    doc: {
      ...doc("Events", "createSubscription", "Subscribe a URL to events", "Events are POSTed with an HMAC-SHA256 (hex) of the body in x-signicat-signature and retried with back-off until a 2xx."),
      examples: { completed: { summary: "Completed onboardings", value: { url: "https://listener.example/hooks", events: ["reuseid.onboarding.completed"] } } },
    },
    body: subscriptionInput,
    answer: { status: 201, description: "The subscription with its secret (shown once).", schema: subscriptionCreated },
    handle: async (ctx, { body }) => json(await createSubscription({ accountId: ctx.accountId, ...body }), ctx.traceId, 201),
  }),
  defineRoute({
    method: "GET",
    path: "/events/subscriptions",
    auth: "bearer",
    doc: doc("Events", "listSubscriptions", "List the account's subscriptions"),
    answer: { status: 200, description: "The subscriptions.", schema: subscriptionListResponse },
    handle: (ctx) => listSubscriptions({ accountId: ctx.accountId }),
  }),
  defineRoute({
    method: "GET",
    path: "/events/subscriptions/:subscriptionId",
    auth: "bearer",
    doc: doc("Events", "getSubscription", "Get a subscription"),
    answer: { status: 200, description: "The subscription.", schema: subscriptionResponse },
    errors: [404],
    handle: (ctx) => getSubscription(ctx.accountId, ctx.params.subscriptionId),
  }),
  defineRoute({
    method: "DELETE",
    path: "/events/subscriptions/:subscriptionId",
    auth: "bearer",
    doc: doc("Events", "deleteSubscription", "Delete a subscription", "Its pending deliveries end failed."),
    answer: { status: 204, description: "Deleted." },
    errors: [404],
    handle: async (ctx) => {
      await deleteSubscription({ accountId: ctx.accountId, subscriptionId: ctx.params.subscriptionId });
      return noContent(ctx.traceId);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/events/deliveries",
    auth: "bearer",
    doc: doc("Events", "listDeliveries", "The delivery log, newest first"),
    query: z.object({
      limit: z
        .string()
        .regex(/^\d+$/, "must be an integer from 1 to 500")
        .transform(Number)
        .refine((n) => n >= 1 && n <= 500, "must be an integer from 1 to 500")
        .optional(),
    }),
    answer: { status: 200, description: "The deliveries.", schema: deliveryListResponse },
    handle: (ctx, { query }) => listDeliveries({ accountId: ctx.accountId, limit: query.limit }),
  }),
];

export const SIMULATOR_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: "/simulator/activations",
    auth: "bearer",
    doc: {
      ...doc("Simulator", "simulateActivation", "Activate a device with an activation code, as a phone would"),
      examples: { code: { summary: "The code of an onboarding", value: { activationCode: "{{activationCode}}" } } },
    },
    body: simulatedActivationBody,
    answer: { status: 200, description: "The user and the new device.", schema: activationResponse },
    errors: [404, 409, 422],
    handle: (ctx, { body }) => simulateActivation(ctx.accountId, body, callerAddress(ctx.request)),
  }),
  defineRoute({
    method: "POST",
    path: "/simulator/proofings/:processId",
    auth: "bearer",
    doc: {
      ...doc(
        "Simulator",
        "simulateProofing",
        "Finish the identity proofing of a flow",
        "outcome accepted, rejected, failed, inconclusive or canceled; persona picks a test person (default jane-smith).",
      ),
      examples: { accepted: { summary: "JANE SMITH, accepted", value: { outcome: "accepted", persona: "jane-smith" } } },
    },
    body: proofingResult,
    answer: { status: 200, description: "The process and flow status after it.", schema: simulatedProofingResponse },
    errors: [404, 409, 422],
    handle: (ctx, { body }) => simulateProofing(ctx.accountId, ctx.params.processId, body),
  }),
  defineRoute({
    method: "POST",
    path: "/simulator/authentications/:authenticationId",
    auth: "bearer",
    doc: { ...doc("Simulator", "simulateAuthentication", "Answer a pending authentication as its device would"), examples: { approve: { summary: "Approve", value: { decision: "approve" } } } },
    body: decisionBody,
    answer: { status: 200, description: "The authentication.", schema: authenticationResponse },
    errors: [404, 409, 422],
    handle: (ctx, { body }) => simulateAuthentication(ctx.accountId, ctx.params.authenticationId, body),
  }),
  defineRoute({
    method: "GET",
    path: "/simulator/faults",
    auth: "bearer",
    doc: doc("Simulator", "getFaults", "The account's faults"),
    answer: { status: 200, description: "The faults.", schema: faultsResponse },
    handle: (ctx) => getFaults(ctx.accountId),
  }),
  defineRoute({
    method: "PUT",
    path: "/simulator/faults",
    auth: "bearer",
    doc: {
      ...doc(
        "Simulator",
        "setFaults",
        "Set faults for the next calls",
        "latencyMs delays each matching call, errorRate answers that share with a 500; paths are prefixes or globs; expireNow expires every pending code, authentication and proofing.",
      ),
      examples: { reuseid: { summary: "Fail every ReuseID call", value: { errorRate: 1, paths: ["/reuseid/*"] } } },
    },
    body: faultsInput,
    answer: { status: 200, description: "The faults now in force.", schema: faultsResponse },
    handle: (ctx, { body }) => setFaults(ctx.accountId, body),
  }),
  defineRoute({
    method: "DELETE",
    path: "/simulator/faults",
    auth: "bearer",
    doc: doc("Simulator", "clearFaults", "Clear the faults"),
    answer: { status: 204, description: "Cleared." },
    handle: async (ctx) => {
      await clearFaults(ctx.accountId);
      return noContent(ctx.traceId);
    },
  }),
  defineRoute({
    method: "POST",
    path: "/simulator/reset",
    auth: "bearer",
    doc: doc("Simulator", "resetAccount", "Forget the account's users, devices, flows and proofings"),
    answer: { status: 204, description: "Reset." },
    handle: async (ctx) => {
      await resetAccount(ctx.accountId);
      return noContent(ctx.traceId);
    },
  }),
];
