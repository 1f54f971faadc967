import { z } from "zod";
import { canManageEmulatorClients } from "@/lib/auth/roles";
import { revokeEmulatorClient } from "@/lib/emulator/admin";
import { isConsoleClient } from "@/lib/emulator-admin/accounts";
import { emulatorCall } from "@/lib/emulator-admin/emulator-errors";
import { ApiError } from "@/lib/http/api-error";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Revoking ends the client's tokens at once; the console's own client stays, or the Local emulator would stop working. */
export const POST = route({ permission: canManageEmulatorClients, action: "emulator.client.revoke", params: z.object({ clientId: z.string().min(1) }) }, async ({ params, audit }) => {
  audit({ target: params.clientId });
  if (isConsoleClient(params.clientId)) {
    throw new ApiError(409, "console_client", "This is the client the console itself uses for the Local emulator environment (EMULATOR_CLIENT_ID); it cannot be revoked here.");
  }
  const client = await emulatorCall(() => revokeEmulatorClient(params.clientId));
  audit({ detail: `${client.name} in ${client.accountName}` });
  return data({ ...client, usedByConsole: false });
});
