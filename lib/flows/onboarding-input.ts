// The onboarding and step-up forms' rules, shared by the pages and the route handlers,
// and the request body each of the API's three accepted shapes gives them.
import { z } from "zod";

import { BODY_SHAPES, type BodyShape } from "./body-shapes";

export { BODY_SHAPES, type BodyShape };

const proofingFields = {
  environmentId: z.string().min(1, "Choose an environment."),
  provider: z.enum(["videoid", "readid"], { message: "Choose VideoID or ReadID." }).default("videoid"),
  docTypes: z
    .array(z.number({ message: "Document types are numbers." }).int("Document types are whole numbers.").positive("Document types are positive numbers."))
    .max(50)
    .default([]),
  defaultId: z.number().int().positive().optional(),
  bodyShape: z.enum(["current", "2024", "quickstart"]).default("current"),
};

function proofingRules(v: { defaultId?: number; docTypes: number[]; provider: string; bodyShape: string }, ctx: z.RefinementCtx) {
  if (v.defaultId !== undefined && v.docTypes.length > 0 && !v.docTypes.includes(v.defaultId)) {
    ctx.addIssue({ code: "custom", path: ["defaultId"], message: "The preselected document must be one of the allowed documents." });
  }
  if (v.provider === "readid" && v.bodyShape !== "current") {
    ctx.addIssue({ code: "custom", path: ["bodyShape"], message: "ReadID can only be asked for with the current body shape." });
  }
}

export const onboardingInput = z
  .object({
    ...proofingFields,
    externalRef: z
      .string()
      .trim()
      .max(100, "Keep the external reference under 100 characters.")
      .regex(/^[\w.:@+-]*$/, "Use letters, digits and . _ : @ + - only.")
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine(proofingRules);
export type OnboardingInput = z.infer<typeof onboardingInput>;

const id = (what: string) => z.string().trim().min(1, `Choose ${what}.`).max(100);

export const stepUpInput = z.object({ ...proofingFields, userId: id("a user"), deviceId: id("one of the user's devices") }).superRefine(proofingRules);
export type StepUpInput = z.infer<typeof stepUpInput>;

type ProofingInput = Pick<OnboardingInput, "provider" | "docTypes" | "defaultId" | "bodyShape">;

/** The request body the API receives, in the shape the tester chose; `fields` are the flow's own (externalRef, or userId and deviceId). */
export function reuseBody(input: ProofingInput, fields: Record<string, string | undefined>): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const options = {
    ...(input.docTypes.length ? { docTypes: input.docTypes } : {}),
    ...(input.defaultId !== undefined ? { defaultId: input.defaultId } : {}),
  };
  const hasOptions = Object.keys(options).length > 0;
  switch (input.bodyShape) {
    case "quickstart": {
      // The quick start puts the step-up's user and device inside `input`, the external reference beside it.
      const { externalRef, ...inside } = own;
      return { ...(externalRef ? { externalRef } : {}), input: { ...inside, ...(hasOptions ? { eidProviderOptions: options } : {}) } };
    }
    case "2024":
      return { ...own, ...(hasOptions ? { eidProviderOptions: options } : {}) };
    default:
      return { ...own, provider: input.provider, ...(hasOptions ? { videoidProviderOptions: options } : {}) };
  }
}

export const onboardingBody = (input: OnboardingInput) => reuseBody(input, { externalRef: input.externalRef });
export const stepUpBody = (input: StepUpInput) => reuseBody(input, { userId: input.userId, deviceId: input.deviceId });
