/** What a device state means to the person holding the device, and what the app may still offer in it. */

export type DeviceStateView = {
  /** The badge text. */
  label: string;
  tone: "good" | "warning" | "bad" | "unknown";
  meaning: string;
  /** The device can answer authentications, run proofings, rename and remove itself. */
  usable: boolean;
};

/**
 * `NOT_ACTIVE`: the server refused the device (403 device_not_active) without saying how;
 * `REMOVED`: it no longer knows the device or its key (404, or 401 invalid_signature on the device's own record).
 */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the two app-side states are named for the reader; any server state is a string
export type ObservedDeviceState = string | "NOT_ACTIVE" | "REMOVED" | null;

/** What a refused GET /devices/{id} says of the device's state, or null when the refusal says nothing about it. */
export function observedStateFromRefusal(status: number | null, code: string | null, detail: string | null): ObservedDeviceState {
  if (status === 404) return "REMOVED";
  if (status === 401 && code === "invalid_signature" && !/timestamp/i.test(detail ?? "")) return "REMOVED";
  if (status === 403 && code === "device_not_active") {
    const named = /\b(locked|deactivated)\b/i.exec(detail ?? "")?.[1];
    return named ? named.toUpperCase() : "NOT_ACTIVE";
  }
  return null;
}

export function describeDeviceState(state: ObservedDeviceState): DeviceStateView {
  switch ((state ?? "").toUpperCase()) {
    case "ACTIVE":
      return { label: "ACTIVE", tone: "good", meaning: "This device can answer sign-in requests and verify the user's identity.", usable: true };
    case "LOCKED":
      return {
        label: "LOCKED",
        tone: "warning",
        meaning: "The service locked this device. It cannot answer sign-in requests until someone unlocks it in the console.",
        usable: false,
      };
    case "DEACTIVATED":
      return {
        label: "DEACTIVATED",
        tone: "bad",
        meaning: "This device was deactivated for good. Forget it on this browser and activate a new device with a fresh code.",
        usable: false,
      };
    case "NOT_ACTIVE":
      return {
        label: "NOT ACTIVE",
        tone: "warning",
        meaning: "The server refuses this device: it was locked or deactivated in the console. It cannot answer requests.",
        usable: false,
      };
    case "REMOVED":
      return {
        label: "REMOVED",
        tone: "bad",
        meaning: "The server no longer knows this device or its key (it was deleted, or the emulator was reset). Forget it on this browser.",
        usable: false,
      };
    case "":
      return { label: "…", tone: "unknown", meaning: "Asking the server about this device…", usable: false };
    default:
      return { label: state!.toUpperCase(), tone: "unknown", meaning: "The server reports a state this app does not know.", usable: false };
  }
}
