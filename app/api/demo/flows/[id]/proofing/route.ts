import { z } from "zod";
import { canPresentDemos } from "@/lib/auth/roles";
import { getDemoProofing } from "@/lib/demo/story";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canPresentDemos, params: z.object({ id: z.string().min(1).max(100) }) }, async ({ params }) => data(await getDemoProofing(params.id)));
