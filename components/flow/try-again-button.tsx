"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { ErrorNotice } from "@/components/ui/states";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";

const ENDPOINTS: Record<string, string> = { onboarding: "/api/flows/onboarding", stepup: "/api/flows/stepup", authentication: "/api/flows/authentication" };

/**
 * Starts a new flow with the inputs this one was started with (the same handler validates
 * them again), then opens it. A start the API refuses still opens the new, failed flow.
 */
export function TryAgainButton({ type, input, production, environmentName }: { type: string; input: unknown; production: boolean; environmentName: string }) {
  const router = useRouter();
  const hydrated = useHydrated(); // its chunk comes after the page: a click on the server's HTML would do nothing
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const endpoint = ENDPOINTS[type];
  if (!endpoint || !input || typeof input !== "object") return null;
  // `body` is what the console sent, derived from the inputs: the handler rebuilds it.
  const { body: _sent, ...inputs } = input as Record<string, unknown>;

  async function retry() {
    if (production && !window.confirm(`Start this again in ${environmentName}? This acts on real users in Signicat production.`)) return;
    setBusy(true);
    setFailure(null);
    try {
      const { id } = await fetchJson<{ id: string }>(endpoint, { method: "POST", json: inputs });
      router.push(`/flows/${id}`);
    } catch (error) {
      if (error instanceof ConsoleApiError && error.body.flowId) return router.push(`/flows/${error.body.flowId}`);
      setFailure(error instanceof ConsoleApiError && error.body.fields ? Object.values(error.body.fields).join(" ") : error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button onClick={retry} disabled={busy || !hydrated}>
        {busy ? "Starting…" : "Try again"}
      </Button>
      {failure ? <ErrorNotice title="Could not start it again">{failure}</ErrorNotice> : null}
    </div>
  );
}
