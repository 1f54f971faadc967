"use client";

import { RouteError } from "@/components/ui/page-states";

export default function EmulatorAdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The emulator admin page could not be loaded" error={error} reset={reset} />;
}
