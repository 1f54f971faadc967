import { canRead } from "@/lib/auth/roles";
import { listEmulatorAccounts } from "@/lib/emulator/admin";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ permission: canRead }, async () => data(await listEmulatorAccounts()));
