import { z } from "zod";
import { canPresentDemos } from "@/lib/auth/roles";
import { getDemoProofingImage } from "@/lib/demo/story";
import { imageResponse } from "@/lib/http/image-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canPresentDemos, params: z.object({ id: z.string().min(1).max(100), depiction: z.enum(["front", "back", "selfie"]) }) }, async ({ params }) =>
  imageResponse(await getDemoProofingImage(params.id, params.depiction)),
);
