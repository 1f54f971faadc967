import { z } from "zod";
import { canConfigureEmulator, canRead } from "@/lib/auth/roles";
import { clearFaults, faultsInput, getFaults, setFaults } from "@/lib/emulator/faults";
import { parseWith } from "@/lib/emulator/validation";
import { getEmulatorAccount } from "@/lib/emulator-admin/accounts";
import { describeFaults } from "@/lib/emulator-admin/describe-faults";
import { emulatorCall } from "@/lib/emulator-admin/emulator-errors";
import { faultSettingsFor, faultsForm } from "@/lib/emulator-admin/schemas";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const params = z.object({ accountId: z.string().min(1) });

export const GET = route({ permission: canRead, params }, async ({ params }) => {
  await getEmulatorAccount(params.accountId);
  const settings = await getFaults(params.accountId);
  return data({ ...settings, description: describeFaults(settings) });
});

/** Replaces the account's faults (PUT semantics, as the emulator's own PUT /simulator/faults). */
export const PUT = route({ permission: canConfigureEmulator, action: "emulator.faults.set", params, body: faultsForm }, async ({ params, body, audit }) => {
  audit({ target: params.accountId });
  await getEmulatorAccount(params.accountId);
  const settings = await emulatorCall(() => setFaults(params.accountId, parseWith(faultsInput, faultSettingsFor(body))), { errorRate: "errorRatePercent" });
  const description = describeFaults(settings);
  audit({ detail: description.join(" ") });
  return data({ ...settings, description });
});

export const DELETE = route({ permission: canConfigureEmulator, action: "emulator.faults.clear", params }, async ({ params, audit }) => {
  audit({ target: params.accountId });
  await getEmulatorAccount(params.accountId);
  await clearFaults(params.accountId);
  const settings = await getFaults(params.accountId);
  return data({ ...settings, description: describeFaults(settings) });
});
