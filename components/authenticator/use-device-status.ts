"use client";

/** GET /devices/{id}, refreshed every 3 s while the page is visible, and on demand. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DeviceResponse } from "@/lib/emulator/app-protocol";
import { fetchDevice } from "@/lib/authenticator/app-client";
import { observedStateFromRefusal, type ObservedDeviceState } from "@/lib/authenticator/device-state";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import { AppRequestError } from "@/lib/authenticator/http";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";

const POLL_MS = 3_000;

export type DeviceStatus = {
  data: DeviceResponse | null;
  error: PlainError | null;
  /** The server no longer knows the device or its key: polling stops. */
  gone: boolean;
  /** What the server says of the device: its state, NOT_ACTIVE when it refuses it (403), REMOVED when it is gone. */
  observedState: ObservedDeviceState;
  /** A refresh the tester asked for is running (background polls stay quiet). */
  refreshing: boolean;
  updatedAt: Date | null;
  refresh: () => Promise<void>;
};

export function useDeviceStatus(serverUrl: string, device: SigningDevice | null): DeviceStatus {
  const [data, setData] = useState<DeviceResponse | null>(null);
  const [error, setError] = useState<PlainError | null>(null);
  const [gone, setGone] = useState(false);
  const [refusedState, setRefusedState] = useState<ObservedDeviceState>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const inFlight = useRef(false);

  const refresh = useCallback(
    async (manual = false) => {
      if (!device || inFlight.current) return;
      inFlight.current = true;
      if (manual) setRefreshing(true);
      try {
        setData(await fetchDevice(serverUrl, device));
        setError(null);
        setGone(false);
        setRefusedState(null);
        setUpdatedAt(new Date());
      } catch (caught) {
        setError(describeRequestError(caught, "device"));
        const failure = caught instanceof AppRequestError && caught.failure.kind === "http" ? caught.failure : null;
        const refused = failure ? observedStateFromRefusal(failure.status, failure.code, failure.detail) : null;
        if (refused) {
          setRefusedState(refused);
          setData(null);
        }
        // A locked device may be unlocked in the console (keep asking); a forgotten one will not come back.
        if (refused === "REMOVED") setGone(true);
      } finally {
        inFlight.current = false;
        setRefreshing(false);
      }
    },
    [serverUrl, device],
  );

  useEffect(() => {
    if (!device || gone) return;
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [device, gone, refresh]);

  const observedState: ObservedDeviceState = refusedState ?? data?.device.state ?? null;
  return { data, error, gone, observedState, refreshing, updatedAt, refresh: () => refresh(true) };
}
