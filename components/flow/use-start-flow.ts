"use client";

import { useRouter } from "next/navigation";
import { useApiForm, type SchemaSource } from "@/components/use-api-form";
import type { PublicEnvironment } from "@/lib/environments";
import { fetchJson } from "@/lib/http/fetch-json";

/** A "start a flow" form: asks before acting on production, then opens the new flow. */
export function useStartFlow<T>(endpoint: string, schema: SchemaSource<T>, what: string) {
  const router = useRouter();
  const form = useApiForm(
    schema,
    (data) => fetchJson<{ id: string }>(endpoint, { method: "POST", json: data }),
    ({ id }) => router.push(`/flows/${id}`),
  );
  const start = (raw: unknown, environment: PublicEnvironment | undefined) =>
    form.submit(raw, () => environment?.kind !== "production" || window.confirm(`Start ${what} in ${environment.name}? This acts on real users in Signicat production.`));
  return { ...form, start };
}
