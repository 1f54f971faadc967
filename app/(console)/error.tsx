"use client";

import { RouteError } from "@/components/ui/page-states";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This page could not be shown" error={error} reset={reset} />;
}
