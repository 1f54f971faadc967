"use client";

/** A simulated camera: the picture inside a viewfinder with a scanning line, and a capture button. */
import { useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./capture-frame.module.css";
import { Button } from "./ui";

const CAPTURE_MS = 700;

export function CaptureFrame({
  shape,
  instruction,
  captureLabel,
  children,
  disabled = false,
  validate,
  onCaptured,
}: {
  shape: "document" | "face";
  instruction: string;
  captureLabel: string;
  children: ReactNode;
  disabled?: boolean;
  /** Checked before the capture; false keeps the frame (e.g. a form to fix first). */
  validate?: () => boolean;
  onCaptured: () => void;
}) {
  const [captured, setCaptured] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function capture() {
    if (validate && !validate()) return;
    setCaptured(true);
    // The page moves on after the flash; the button stays disabled meanwhile.
    timer.current = setTimeout(onCaptured, CAPTURE_MS);
  }

  return (
    <div className="space-y-3">
      <div className={`relative mx-auto overflow-hidden bg-slate-900 ${shape === "document" ? "aspect-[1.58] w-full rounded-2xl" : "aspect-[3/4] w-3/4 max-w-64 rounded-[45%]"}`}>
        <div className={`absolute inset-0 flex items-center justify-center ${shape === "document" ? "p-3" : ""}`}>{children}</div>
        <div className="pointer-events-none absolute inset-2 rounded-xl" aria-hidden="true">
          <Corner className="left-0 top-0 border-l-4 border-t-4" />
          <Corner className="right-0 top-0 border-r-4 border-t-4" />
          <Corner className="bottom-0 left-0 border-b-4 border-l-4" />
          <Corner className="bottom-0 right-0 border-b-4 border-r-4" />
        </div>
        {!captured ? <div className={styles.scanLine} aria-hidden="true" /> : <div className={styles.flash} aria-hidden="true" />}
      </div>
      <p className="text-center text-sm text-slate-600" aria-live="polite">
        {captured ? "✓ Captured" : instruction}
      </p>
      <Button className="w-full" onClick={capture} disabled={disabled || captured}>
        <CameraIcon /> {captureLabel}
      </Button>
    </div>
  );
}

function Corner({ className }: { className: string }) {
  return <span className={`absolute size-6 rounded-sm border-white/90 ${className}`} />;
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}
