import { z } from "zod";

export const firstAdminInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().email("Enter a valid email address."),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
