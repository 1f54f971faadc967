// Where a replay runs: the environment's API, its client id, whether the emulator's simulator
// can play the phone there, and the client secret only when it is the emulator's public
// development default (any other secret stays in the console).
import { emulatorClient } from "@/lib/config";
import type { PublicEnvironment } from "@/lib/environments";

export type ReplayTarget = { baseUrl: string; clientId: string; defaultSecret?: string; simulator: boolean };

export const DEVELOPMENT_DEFAULT_SECRET = "emulator-secret";

export function replayTarget(env: Pick<PublicEnvironment, "kind" | "baseUrl" | "clientId">, origin: string): ReplayTarget {
  if (env.kind === "embedded") {
    const client = emulatorClient();
    const isDefault = env.clientId === client.clientId && client.clientSecret === DEVELOPMENT_DEFAULT_SECRET;
    return { baseUrl: `${origin}/emulator`, clientId: env.clientId, defaultSecret: isDefault ? DEVELOPMENT_DEFAULT_SECRET : undefined, simulator: true };
  }
  // another console's emulator has the simulator too
  return { baseUrl: env.baseUrl.replace(/\/+$/, ""), clientId: env.clientId, simulator: /\/emulator$/.test(new URL(env.baseUrl).pathname.replace(/\/+$/, "")) };
}
