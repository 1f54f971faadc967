"use client";

/**
 * The sign-in and step-up requests waiting for this device while the app shows another
 * screen (a proofing result, the device list, activation): asked for every 3 s, so a request
 * is announced wherever the app is, not only on the device's home screen (which polls itself).
 */
import { useEffect, useState } from "react";
import { fetchDevice } from "@/lib/authenticator/app-client";
import type { AuthenticationOperation } from "@/lib/authenticator/pending-authentication";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";

const POLL_MS = 3_000;

export function useIncomingRequests(serverUrl: string | null, device: SigningDevice | null, enabled: boolean): AuthenticationOperation[] {
  const [waiting, setWaiting] = useState<AuthenticationOperation[]>([]);
  useEffect(() => {
    setWaiting([]);
    if (!enabled || !serverUrl || !device) return;
    let stopped = false;
    const ask = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const { operations } = await fetchDevice(serverUrl, device);
        if (!stopped) setWaiting(operations.filter((o): o is AuthenticationOperation => o.type === "authentication"));
      } catch {
        // The home screen reports the device's problems; here only a request is news.
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [serverUrl, device, enabled]);
  return waiting;
}
