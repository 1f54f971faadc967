import { canManageEmulatorClients, canRead } from "@/lib/auth/roles";
import { createEmulatorClient } from "@/lib/emulator/admin";
import { isConsoleClient, listClientsForConsole } from "@/lib/emulator-admin/accounts";
import { emulatorCall } from "@/lib/emulator-admin/emulator-errors";
import { createClientForm } from "@/lib/emulator-admin/schemas";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canRead }, async () => data(await listClientsForConsole()));

/** The only answer that ever holds the client's secret: the emulator keeps just its hash. */
export const POST = route({ permission: canManageEmulatorClients, action: "emulator.client.create", body: createClientForm }, async ({ body, audit }) => {
  audit({ target: body.name, detail: body.accountId ? `account ${body.accountId}` : `new account ${body.newAccountName}` });
  const { client, clientSecret } = await emulatorCall(() => createEmulatorClient(body));
  audit({ target: client.clientId, detail: `${client.name} in ${client.accountName} (${client.accountId}), tokens ${client.tokenLifetimeSeconds} s` });
  return data({ client: { ...client, usedByConsole: isConsoleClient(client.clientId) }, clientSecret }, { status: 201 });
});
