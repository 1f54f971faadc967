import { z } from "zod";
import { canConfigureEmulator } from "@/lib/auth/roles";
import { expireAccountNow } from "@/lib/emulator/lifecycle";
import { getEmulatorAccount } from "@/lib/emulator-admin/accounts";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Every pending activation code, authentication and proofing of the account expires at once (events go out). */
export const POST = route({ permission: canConfigureEmulator, action: "emulator.account.expire", params: z.object({ accountId: z.string().min(1) }) }, async ({ params, audit }) => {
  audit({ target: params.accountId });
  const account = await getEmulatorAccount(params.accountId);
  await expireAccountNow(account.accountId);
  return data({ accountId: account.accountId, expiredAt: new Date().toISOString() });
});
