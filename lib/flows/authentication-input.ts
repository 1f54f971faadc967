import { z } from "zod";

import { USER_ATTRIBUTES } from "./user-attributes";

export { USER_ATTRIBUTES };

const context = z
  .string()
  .trim()
  .max(1000, "Keep the text under 1000 characters.")
  .optional()
  .transform((v) => v || undefined);

export const authenticationInput = z.object({
  environmentId: z.string().min(1, "Choose an environment."),
  userId: z.string().trim().min(1, "Choose a user.").max(100),
  deviceId: z.string().trim().min(1, "Choose one of the user's devices.").max(100),
  preOperationContext: context,
  postOperationContext: context,
  requestedUserAttributes: z
    .array(z.enum(USER_ATTRIBUTES, { message: "Unknown attribute." }))
    .max(USER_ATTRIBUTES.length)
    .default([]),
});
export type AuthenticationInput = z.infer<typeof authenticationInput>;

const asContext = (text: string | undefined) => (text ? { content: Buffer.from(text, "utf8").toString("base64"), mimeType: "text/plain" } : undefined);

/** MobileID's body: operation contexts are base64 with their MIME type. */
export function authenticationBody(input: AuthenticationInput): Record<string, unknown> {
  return {
    ...(input.preOperationContext ? { preOperationContext: asContext(input.preOperationContext) } : {}),
    ...(input.postOperationContext ? { postOperationContext: asContext(input.postOperationContext) } : {}),
    ...(input.requestedUserAttributes.length ? { requestedUserAttributes: input.requestedUserAttributes } : {}),
  };
}
