// The embedded Signicat API emulator: every path under /emulator goes to one router. In
// production scripts/server/ serves /emulator itself through this compiled module (see
// scripts/server/emulator-layer.mjs), with node's own request and response (`nodeListener`), so
// Next's route runtime is only the development path.
import { serveEmulatorNodeRequest, serveEmulatorRequest } from "@/lib/emulator/serve";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = Object.assign((request: Request) => serveEmulatorRequest(request), { nodeListener: serveEmulatorNodeRequest });

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
