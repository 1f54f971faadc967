"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { formatDateTime, formatExact, formatRelative, type DateTimeStyle } from "@/lib/ui/date-time";

const subscribeNever = () => () => {};

/** True in the browser after hydration: the server cannot know the viewer's locale or time zone. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

function useTicking(enabled: boolean, intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
  return now;
}

/**
 * A moment as this viewer reads it, with the exact time and zone on hover. Until the page is
 * hydrated it shows UTC, marked as such, so the server's rendering is never mistaken for local time.
 */
export function DateTime({ value, style = "datetime", className, prefix }: { value: string | Date | null | undefined; style?: DateTimeStyle; className?: string; prefix?: string }) {
  const inBrowser = useInBrowser();
  const now = useTicking(inBrowser && style === "relative");
  if (!value) return <span className={className}>—</span>;
  const iso = new Date(value).toISOString();
  const text = !inBrowser
    ? `${formatDateTime(iso, style === "relative" ? "datetime" : style, { locale: "en-GB", timeZone: "UTC" })} UTC`
    : style === "relative"
      ? formatRelative(iso, now)
      : formatDateTime(iso, style);
  // Joined, not `cn`-merged: no caller sets a whitespace utility, and tailwind-merge would be
  // 9 kB of the first load of /authenticator, which shows these too.
  return (
    <time dateTime={iso} title={inBrowser ? formatExact(iso) : undefined} className={className ? `whitespace-nowrap ${className}` : "whitespace-nowrap"}>
      {prefix}
      {text}
    </time>
  );
}
