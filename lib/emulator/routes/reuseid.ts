// 3. ReuseID ready-made flows: onboarding and step-up.
import { onboardingResponse, stepUpResponse } from "../contract/responses";
import { normaliseOnboardingRequest, onboardingAnswer, onboardingBody, startOnboarding } from "../reuseid";
import { andThen } from "@/lib/maybe";
import { findStepUp, normaliseStepUpRequest, startStepUp, stepUpBody, stepUpData } from "../stepup";
import { defineRoute, type Route } from "./route";

const PENDING_ONBOARDING = {
  data: { transactionId: "0f3c9b0e-…", userId: "5d1e…", activationCode: "1234567890", status: "Pending", dossierId: "9a7f…", processId: "c41b…" },
};

export const REUSEID_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: "/reuseid/id-onboardings",
    auth: "bearer",
    doc: {
      api: "reuseid",
      tag: "ID onboarding",
      operationId: "createIdOnboarding",
      summary: "Start an ID onboarding",
      description:
        "Creates (or, by externalRef, reuses) a user, a device registration with a 10-digit activation code, and an Assure dossier with a pending VideoID process. " +
        "Three body shapes are accepted and mean the same: the quick start's `input.eidProviderOptions`, the 2024 `eidProviderOptions`, and the current `provider` + `videoidProviderOptions`. " +
        "`defaultId`, when given with `docTypes`, must be one of them.",
      examples: {
        minimal: { summary: "The quick start's minimal body", value: { input: {} } },
        docTypes: { summary: "Offer two documents, preselect one", value: { externalRef: "customer-1", input: { eidProviderOptions: { docTypes: [138, 191], defaultId: 138 } } } },
        current: { summary: "The current shape", value: { externalRef: "customer-1", provider: "videoid", videoidProviderOptions: { docTypes: [138, 191], defaultId: 191 } } },
      },
      responseExample: PENDING_ONBOARDING,
    },
    body: onboardingBody,
    answer: { status: 200, description: "The onboarding, Pending until the device is activated and the proofing ends.", schema: onboardingResponse },
    handle: async (ctx, { body }) => ({ data: await startOnboarding(ctx.accountId, normaliseOnboardingRequest(body)) }),
  }),
  defineRoute({
    method: "GET",
    path: "/reuseid/id-onboardings/:transactionId",
    auth: "bearer",
    doc: {
      api: "reuseid",
      tag: "ID onboarding",
      operationId: "getIdOnboarding",
      summary: "Get an ID onboarding",
      description: "Pending → Completed | Failed | Expired | Cancelled. When Completed it carries deviceId, proofingId and userData.",
      responseExample: PENDING_ONBOARDING,
    },
    answer: { status: 200, description: "The onboarding.", schema: onboardingResponse },
    errors: [404],
    handle: (ctx) => andThen(onboardingAnswer(ctx.accountId, ctx.params.transactionId), (data) => ({ data })),
  }),
  defineRoute({
    method: "POST",
    path: "/reuseid/id-stepups",
    auth: "bearer",
    doc: {
      api: "reuseid",
      tag: "ID step-up",
      operationId: "createIdStepUp",
      summary: "Start an ID step-up",
      description: "Authenticates an active device of the user (the app shows the request), then runs a new proofing and updates the user's attributes.",
      examples: {
        quickStart: { summary: "The quick start's body", value: { input: { userId: "{{userId}}", deviceId: "{{deviceId}}" } } },
        current: { summary: "The current shape", value: { userId: "{{userId}}", deviceId: "{{deviceId}}", provider: "videoid", videoidProviderOptions: { docTypes: [138] } } },
      },
    },
    body: stepUpBody,
    answer: { status: 200, description: "The step-up, Pending until the device approves and the proofing ends.", schema: stepUpResponse },
    errors: [404, 422],
    handle: async (ctx, { body }) => ({ data: await stepUpData(await startStepUp(ctx.accountId, normaliseStepUpRequest(body))) }),
  }),
  defineRoute({
    method: "GET",
    path: "/reuseid/id-stepups/:transactionId",
    auth: "bearer",
    doc: { api: "reuseid", tag: "ID step-up", operationId: "getIdStepUp", summary: "Get an ID step-up" },
    answer: { status: 200, description: "The step-up.", schema: stepUpResponse },
    errors: [404],
    handle: async (ctx) => ({ data: await stepUpData(await findStepUp(ctx.accountId, ctx.params.transactionId)) }),
  }),
];
