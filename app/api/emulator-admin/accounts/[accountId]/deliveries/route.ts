import { z } from "zod";
import { canRead } from "@/lib/auth/roles";
import { listDeliveries } from "@/lib/emulator/events";
import { getEmulatorAccount } from "@/lib/emulator-admin/accounts";
import { data, route } from "@/lib/http/route";
import { deliveriesForViewer } from "@/lib/flows/redaction";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: canRead, params: z.object({ accountId: z.string().min(1) }), query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  async ({ params, query, staff }) => {
    await getEmulatorAccount(params.accountId);
    return data(deliveriesForViewer(await listDeliveries({ accountId: params.accountId, limit: query.limit }), staff));
  },
);
