// The onboarding form's rules, shared by the page and the route handler, and the body
// each of the API's three accepted shapes gives them.
import { z } from "zod";

export const BODY_SHAPES = {
  current: "Current (provider + videoidProviderOptions)",
  "2024": "2024 (eidProviderOptions)",
  quickstart: "Quick start (input wrapper)",
} as const;
export type BodyShape = keyof typeof BODY_SHAPES;

export const onboardingInput = z
  .object({
    environmentId: z.string().min(1, "Choose an environment."),
    externalRef: z
      .string()
      .trim()
      .max(100, "Keep the external reference under 100 characters.")
      .regex(/^[\w.:@+-]*$/, "Use letters, digits and . _ : @ + - only.")
      .optional()
      .transform((v) => v || undefined),
    provider: z.enum(["videoid", "readid"], { message: "Choose VideoID or ReadID." }).default("videoid"),
    docTypes: z.array(z.number({ message: "Document types are numbers." }).int("Document types are whole numbers.").positive("Document types are positive numbers.")).max(50).default([]),
    defaultId: z.number().int().positive().optional(),
    bodyShape: z.enum(["current", "2024", "quickstart"]).default("current"),
  })
  .superRefine((v, ctx) => {
    if (v.defaultId !== undefined && v.docTypes.length > 0 && !v.docTypes.includes(v.defaultId)) {
      ctx.addIssue({ code: "custom", path: ["defaultId"], message: "The preselected document must be one of the allowed documents." });
    }
    if (v.provider === "readid" && v.bodyShape !== "current") {
      ctx.addIssue({ code: "custom", path: ["bodyShape"], message: "ReadID can only be asked for with the current body shape." });
    }
  });
export type OnboardingInput = z.infer<typeof onboardingInput>;

/** The request body the API receives, in the shape the tester chose. */
export function onboardingBody(input: OnboardingInput): Record<string, unknown> {
  const options = {
    ...(input.docTypes.length ? { docTypes: input.docTypes } : {}),
    ...(input.defaultId !== undefined ? { defaultId: input.defaultId } : {}),
  };
  const hasOptions = Object.keys(options).length > 0;
  const ref = input.externalRef ? { externalRef: input.externalRef } : {};
  switch (input.bodyShape) {
    case "quickstart":
      return { ...ref, input: hasOptions ? { eidProviderOptions: options } : {} };
    case "2024":
      return { ...ref, ...(hasOptions ? { eidProviderOptions: options } : {}) };
    default:
      return { ...ref, provider: input.provider, ...(hasOptions ? { videoidProviderOptions: options } : {}) };
  }
}
