import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { listFlows } from "@/lib/flows/queries";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canRead, query: z.object({ page: z.coerce.number().int().min(1).default(1) }) }, async ({ query }) =>
  data(await listFlows({ page: query.page })),
);
