// 7. The app side: the virtual Authenticator App's own protocol (lib/emulator/app-protocol.ts).
// Its requests are signed over the exact body bytes, so these handlers read the raw body
// themselves after checking the signature; the protocol is the project's own and is in no
// published document.
import { getConfiguration, getDevice, listPersonas, patchDevice, personaImage, postActivation, postAuthentication, postProofing, removeDevice } from "../app-side";
import { noContent, raw } from "../http";
import { defineRoute, type Route } from "./route";

const doc = (operationId: string, summary: string) => ({ api: "app" as const, tag: "App side", operationId, summary });
const ok = { status: 200, description: "OK" };

export const APP_ROUTES: Route[] = [
  defineRoute({ method: "GET", path: "/encore/encap/configuration", auth: "open", doc: doc("appConfiguration", "The app configuration"), answer: ok, handle: getConfiguration }),
  defineRoute({ method: "POST", path: "/encore/encap/activations", auth: "open", doc: doc("appActivate", "Activate with a device key"), answer: ok, handle: postActivation }),
  defineRoute({ method: "GET", path: "/encore/encap/devices/:deviceId", auth: "open", doc: doc("appDevice", "The device and its pending operations"), answer: ok, handle: getDevice }),
  defineRoute({ method: "GET", path: "/encore/encap/personas", auth: "open", doc: doc("appPersonas", "The test personas"), answer: ok, handle: listPersonas }),
  defineRoute({
    method: "GET",
    path: "/encore/encap/personas/:personaId/images/:image",
    auth: "open",
    doc: doc("appPersonaImage", "A persona's picture (SVG)"),
    answer: { ...ok, contentTypes: ["image/svg+xml"] },
    handle: (ctx) => raw(personaImage(ctx), "image/svg+xml", ctx.traceId),
  }),
  defineRoute({ method: "PATCH", path: "/encore/encap/devices/:deviceId", auth: "open", doc: doc("appRenameDevice", "The device renames itself"), answer: ok, handle: patchDevice }),
  defineRoute({
    method: "DELETE",
    path: "/encore/encap/devices/:deviceId",
    auth: "open",
    doc: doc("appRemoveDevice", "The device removes itself"),
    answer: { status: 204, description: "Removed." },
    handle: async (ctx) => {
      await removeDevice(ctx);
      return noContent(ctx.traceId);
    },
  }),
  defineRoute({ method: "POST", path: "/encore/encap/proofings/:processId", auth: "open", doc: doc("appProofing", "The signed proofing result"), answer: ok, handle: postProofing }),
  defineRoute({
    method: "POST",
    path: "/encore/encap/authentications/:authenticationId",
    auth: "open",
    doc: doc("appAnswer", "The signed answer to an authentication"),
    answer: ok,
    handle: postAuthentication,
  }),
];
