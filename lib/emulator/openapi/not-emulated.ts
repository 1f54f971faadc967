/**
 * What each published API has that the emulator does not answer (those calls are 404
 * `not_found`). Said in lib/emulator/README.md and in each document's description, so a tester
 * who imports a document knows where the emulator stops.
 */
import type { ApiName } from "./document";

export const NOT_EMULATED: Record<ApiName, string[]> = {
  auth: ["Grants other than client_credentials (authorization code, refresh tokens)", "Token introspection and revocation", "The OpenID Connect userinfo endpoint"],
  reuseid: [
    "The ReuseID core API under /reuseid/core (users, MobileID devices and authentications there; the emulator offers them under /mobileid/core)",
    "Passkeys (WebAuthn registration and authentication)",
    "ReadID as a real provider: provider readid is accepted and runs the same simulated proofing as VideoID",
  ],
  mobileid: [
    "Device hash management (list or lock the devices of a device hash; block, unblock, blocking status)",
    "The MobileID Admin API (accounts, application configurations, E2E keys): the console's Emulator page manages accounts and clients",
    "Push notifications: sendPush is accepted and stored, nothing is pushed (the virtual app polls)",
    "Signing and authorisation operations beyond authentication with operation contexts",
  ],
  assure: [
    "GET /assure/dossiers, POST /assure/dossiers, DELETE /assure/dossiers/{dossierId}, DELETE /assure/dossiers/all (dossiers are made by ReuseID flows)",
    "POST /assure/dossiers/{dossierId}/processes; POST and DELETE /assure/dossiers/{dossierId}/processes/{processId}; POST …/images; POST …/fail",
    "GET …/processes/{processId}/video, …/raw, …/external-id, …/download; GET /assure/processes",
    "/assure/dossiers/{dossierId}/userdata, /files, /match and /capture",
    "/assure/matching/configurations and /assure/capture/configurations; POST /assure/watermark and /assure/redact",
    "Document types of providers other than signicatvideoid",
  ],
  emulator: [],
};
