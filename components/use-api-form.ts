"use client";

import { useEffect, useState } from "react";
import type { z } from "zod";
import { fieldErrors } from "@/lib/http/field-errors";
import { ConsoleApiError } from "@/lib/http/fetch-json";
import { useHydrated } from "./use-hydrated";

export type FormFailure = { message: string; flowId?: string };

/** What a form says when its schema's chunk did not load. */
export const SCHEMA_LOAD_FAILED = "The form's checks could not be loaded: is the console reachable? Try again.";

/** A schema, or how to load it: `() => import("@/lib/…").then((m) => m.schema)` keeps zod out of the page's first load. */
export type SchemaSource<T> = z.ZodType<T> | (() => Promise<z.ZodType<T>>);

const loaded = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

/** The schema itself; a loader runs once (per loader) and is shared by every form that names it. */
export function loadSchema<T>(source: SchemaSource<T>): Promise<z.ZodType<T>> {
  if (typeof source !== "function") return Promise.resolve(source);
  let promise = loaded.get(source);
  if (!promise) {
    promise = source().catch((error: unknown) => {
      loaded.delete(source); // a failed chunk load is tried again on the next submit
      throw error;
    });
    loaded.set(source, promise);
  }
  return promise as Promise<z.ZodType<T>>;
}

/**
 * The one way a console form submits: validate with the handler's own zod schema (so the
 * field messages are the server's), send, then either finish or keep the field errors and
 * the failure for the form to show. `hydrated` keeps submit disabled until React runs. A
 * schema given as a loader is fetched once the page has hydrated, before anyone submits.
 */
export function useApiForm<T, R>(schema: SchemaSource<T>, send: (data: T) => Promise<R>, onSuccess: (result: R, data: T) => void | Promise<void>) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadSchema(schema).catch(() => {}); // fetched ahead; a failure is reported at submit
  }, [schema]);

  async function submit(raw: unknown, confirm?: () => boolean) {
    let resolved: z.ZodType<T>;
    try {
      resolved = await loadSchema(schema);
    } catch {
      setErrors({});
      return setFailure({ message: SCHEMA_LOAD_FAILED });
    }
    const parsed = resolved.safeParse(raw);
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
