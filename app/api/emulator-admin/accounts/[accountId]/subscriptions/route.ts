import { z } from "zod";
import { canConfigureEmulator, canRead } from "@/lib/auth/roles";
import { createSubscription, listSubscriptions, type SubscriptionInput } from "@/lib/emulator/events";
import { getEmulatorAccount } from "@/lib/emulator-admin/accounts";
import { emulatorCall } from "@/lib/emulator-admin/emulator-errors";
import { subscriptionForm } from "@/lib/emulator-admin/schemas";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const params = z.object({ accountId: z.string().min(1) });

export const GET = route({ permission: canRead, params }, async ({ params }) => {
  await getEmulatorAccount(params.accountId);
  return data(await listSubscriptions({ accountId: params.accountId }));
});

/** The answer holds the signing secret, shown once. */
export const POST = route({ permission: canConfigureEmulator, action: "emulator.subscription.create", params, body: subscriptionForm }, async ({ params, body, audit }) => {
  audit({ target: params.accountId, detail: `${body.url} for ${body.events.join(", ")}` });
  await getEmulatorAccount(params.accountId);
  // The event names are checked by the emulator against events.ts; a wrong one comes back as a field error.
  const created = await emulatorCall(() => createSubscription({ accountId: params.accountId, ...body, events: body.events as SubscriptionInput["events"] }));
  audit({ target: created.subscriptionId });
  return data(created, { status: 201 });
});
