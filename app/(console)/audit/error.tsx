"use client";

import { RouteError } from "@/components/ui/page-states";

export default function AuditError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The audit trail could not be loaded" error={error} reset={reset} />;
}
