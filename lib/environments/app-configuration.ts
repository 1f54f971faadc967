// The Authenticator App configuration of an environment ("Quick configuration"), and the
// link that opens the virtual app with it and an activation code filled in.
import type { AppConfiguration } from "@/lib/emulator/app-protocol";
import type { PublicEnvironment } from "@/lib/environments";

/** For the embedded emulator the server URL is this console's origin, as the browser sees it. */
export function appConfiguration(env: PublicEnvironment, origin: string): AppConfiguration | null {
  if (!env.appApplicationId || !env.appPublicKey) return null;
  const serverUrl = env.kind === "embedded" ? `${origin}/emulator/encore/encap` : env.appServerUrl;
  if (!serverUrl) return null;
  return { applicationId: env.appApplicationId, publicKey: env.appPublicKey, serverUrl };
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function virtualAppLink(origin: string, config: AppConfiguration | null, activationCode?: string | null): string {
  const params = new URLSearchParams();
  if (config) params.set("config", base64url(JSON.stringify(config)));
  if (activationCode) params.set("code", activationCode);
  return `${origin}/authenticator${params.size ? `?${params}` : ""}`;
}
