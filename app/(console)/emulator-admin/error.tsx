"use client";

import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/states";

export default function EmulatorAdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorNotice title="The emulator admin page could not be loaded" action={<Button variant="secondary" onClick={reset}>Try again</Button>}>
      {error.message || "An unexpected error happened."}
      {error.digest ? <span className="block font-mono text-xs">reference {error.digest}</span> : null}
    </ErrorNotice>
  );
}
