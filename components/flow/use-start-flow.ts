"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import type { PublicEnvironment } from "@/lib/environments";
import { fieldErrors } from "@/lib/http/api-error";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";

/**
 * Submitting a "start a flow" form: validate with the handler's own schema, ask before
 * acting on production, post, and open the new flow — or keep the errors for the form.
 */
export function useStartFlow<T>(endpoint: string, schema: z.ZodType<T>, what: string) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; flowId?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function start(raw: unknown, environment: PublicEnvironment | undefined) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (environment?.kind === "production" && !window.confirm(`Start ${what} in ${environment.name}? This acts on real users in Signicat production.`)) return;
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const { id } = await fetchJson<{ id: string }>(endpoint, { method: "POST", json: parsed.data });
      router.push(`/flows/${id}`);
    } catch (error) {
      if (error instanceof ConsoleApiError) {
        setErrors(error.body.fields ?? {});
        setFailure({ message: error.message, flowId: error.body.flowId });
      } else setFailure({ message: String(error) });
      setBusy(false);
    }
  }

  return { start, errors, failure, busy };
}
