import { z } from "zod";
import { canConfigureEmulator } from "@/lib/auth/roles";
import { deleteSubscription } from "@/lib/emulator/events";
import { emulatorCall } from "@/lib/emulator-admin/emulator-errors";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Its pending deliveries end failed; the delivery log keeps them. */
export const DELETE = route(
  { permission: canConfigureEmulator, action: "emulator.subscription.delete", params: z.object({ accountId: z.string().min(1), subscriptionId: z.string().min(1) }) },
  async ({ params, audit }) => {
    audit({ target: params.subscriptionId, detail: `account ${params.accountId}` });
    await emulatorCall(() => deleteSubscription(params));
    return data({ subscriptionId: params.subscriptionId });
  },
);
