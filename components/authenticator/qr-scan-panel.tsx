"use client";

/** The camera view while scanning a QR code; stops the camera when closed or when a code is read. */
import { useEffect, useRef, useState } from "react";
import type { QrScannerHandle } from "@/lib/authenticator/qr-scanner";
import { Button, Notice, Spinner } from "./ui";

export function QrScanPanel({ title, onText, onClose }: { title: string; onText: (text: string) => void; onClose: () => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  const [state, setState] = useState<{ kind: "starting" } | { kind: "scanning" } | { kind: "error"; message: string }>({ kind: "starting" });

  useEffect(() => {
    let handle: QrScannerHandle | null = null;
    let cancelled = false;
    const video = videoRef.current;
    if (!video) return;
    // The scanner is loaded when a person asks for the camera, not with the app.
    import("@/lib/authenticator/qr-scanner")
      .then(({ startQrScanner }) => startQrScanner(video, (text) => onTextRef.current(text)))
      .then((started) => {
        if (cancelled) started.stop();
        else {
          handle = started;
          setState({ kind: "scanning" });
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: "error", message: error instanceof Error ? error.message : "The camera could not be started." });
      });
    return () => {
      cancelled = true;
      handle?.stop();
    };
  }, []);

  return (
    <section aria-label={title} className="space-y-3">
      <p className="text-sm font-semibold text-slate-800">{title}</p>
      {state.kind === "error" ? (
        <Notice tone="warning" title="Camera not available">
          {state.message}
        </Notice>
      ) : (
        <div className="relative mx-auto aspect-square w-full max-w-xs overflow-hidden rounded-2xl bg-slate-900">
          <video ref={videoRef} className="size-full object-cover" playsInline muted aria-label="Camera preview" />
          <div className="pointer-events-none absolute inset-8 rounded-xl border-2 border-white/80" aria-hidden="true" />
          {state.kind === "starting" ? (
            <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 px-6 text-center text-sm text-white">
              <span className="flex items-center gap-2">
                <Spinner /> Starting the camera…
              </span>
              <span className="text-xs text-white/75">Allow the camera if the browser asks.</span>
            </div>
          ) : (
            <p className="absolute inset-x-0 bottom-2 text-center text-xs text-white/90">Point the camera at the QR code</p>
          )}
        </div>
      )}
      <Button variant="secondary" className="w-full" onClick={onClose}>
        {state.kind === "error" ? "Close" : "Stop scanning"}
      </Button>
    </section>
  );
}

/** The icon of every "Scan QR code" button. */
export function QrIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2" />
    </svg>
  );
}
