import { z } from "zod";
import { canConfigureEmulator } from "@/lib/auth/roles";
import { resetAccount } from "@/lib/emulator/simulator";
import { getEmulatorAccount } from "@/lib/emulator-admin/accounts";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Forgets the account's users, devices, flows, proofings, faults and event log; its clients and subscriptions stay. */
export const POST = route({ permission: canConfigureEmulator, action: "emulator.account.reset", params: z.object({ accountId: z.string().min(1) }) }, async ({ params, audit }) => {
  audit({ target: params.accountId });
  const account = await getEmulatorAccount(params.accountId);
  await resetAccount(account.accountId);
  audit({ detail: `${account.name}: ${account.users} users forgotten` });
  return data({ accountId: account.accountId });
});
