"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { Button, type Variant } from "@/components/ui/button";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc-provider-id";

/** Sends the browser to the company's OpenID Connect provider; next-auth brings it back to callbackUrl. */
export function SingleSignOnButton({ name, callbackUrl, variant = "primary" }: { name: string; callbackUrl: string; variant?: Variant }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={variant}
      className="w-full"
      disabled={!hydrated || busy}
      onClick={() => {
        setBusy(true);
        void signIn(OIDC_PROVIDER_ID, { callbackUrl });
      }}
    >
      {busy ? `Opening ${name}…` : `Sign in with ${name}`}
    </Button>
  );
}
