"use client";

import { useState } from "react";
import type { z } from "zod";
import { fieldErrors } from "@/lib/http/api-error";
import { ConsoleApiError } from "@/lib/http/fetch-json";
import { useHydrated } from "./use-hydrated";

export type FormFailure = { message: string; flowId?: string };

/**
 * The one way a console form submits: validate with the handler's own zod schema (so the
 * field messages are the server's), send, then either finish or keep the field errors and
 * the failure for the form to show. `hydrated` keeps submit disabled until React runs.
 */
export function useApiForm<T, R>(schema: z.ZodType<T>, send: (data: T) => Promise<R>, onSuccess: (result: R, data: T) => void | Promise<void>) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(raw: unknown, confirm?: () => boolean) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      // A new attempt replaces what the last one said, also the failure above the form.
      setFailure(null);
      return setErrors(fieldErrors(parsed.error));
    }
    if (confirm && !confirm()) return;
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await onSuccess(await send(parsed.data), parsed.data);
    } catch (error) {
      if (error instanceof ConsoleApiError) {
        setErrors(error.body.fields ?? {});
        setFailure({ message: error.message, flowId: error.body.flowId });
      } else setFailure({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return { submit, errors, failure, busy, hydrated };
}
