// The embedded Signicat API emulator: every path under /emulator goes to one router.
import { handleEmulatorRequest } from "@/lib/emulator/router";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = (request: Request) => handleEmulatorRequest(request);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
