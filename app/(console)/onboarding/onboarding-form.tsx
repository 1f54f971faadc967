"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/use-hydrated";
import { useMemo, useState, type FormEvent } from "react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { ErrorNotice, Skeleton } from "@/components/ui/states";
import type { PublicEnvironment } from "@/lib/environments";
import { BODY_SHAPES, onboardingInput } from "@/lib/flows/onboarding-input";
import { fieldErrors } from "@/lib/http/api-error";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";

type DocType = { id: number; country: string; countryName: string; type: string; name: string };

export function OnboardingForm({ environments, defaultEnvironmentId }: { environments: PublicEnvironment[]; defaultEnvironmentId: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [environmentId, setEnvironmentId] = useState(defaultEnvironmentId);
  const [provider, setProvider] = useState<"videoid" | "readid">("videoid");
  const [docTypes, setDocTypes] = useState<number[]>([]);
  const [defaultId, setDefaultId] = useState<string>("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; flowId?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const environment = environments.find((e) => e.id === environmentId);

  const documents = useQuery({
    queryKey: ["document-types", environmentId],
    queryFn: () => fetchJson<DocType[]>(`/api/document-types?environmentId=${encodeURIComponent(environmentId)}`),
    enabled: !!environmentId,
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((documents.data ?? []).map((d) => [d.id, d])), [documents.data]);

  function toggle(id: number) {
    setDocTypes((current) => (current.includes(id) ? current.filter((d) => d !== id) : [...current, id]));
    if (String(id) === defaultId && docTypes.includes(id)) setDefaultId("");
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = {
      environmentId,
      externalRef: String(form.get("externalRef") ?? ""),
      provider,
      docTypes,
      defaultId: defaultId ? Number(defaultId) : undefined,
      bodyShape: String(form.get("bodyShape") ?? "current"),
    };
    const parsed = onboardingInput.safeParse(raw);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (environment?.kind === "production" && !window.confirm(`Start an onboarding in ${environment.name}? This creates a real user in Signicat production.`)) return;
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const { id } = await fetchJson<{ id: string }>("/api/flows/onboarding", { method: "POST", json: parsed.data });
      router.push(`/flows/${id}`);
    } catch (error) {
      if (error instanceof ConsoleApiError) {
        setErrors(error.body.fields ?? {});
        setFailure({ message: error.message, flowId: error.body.flowId });
      } else setFailure({ message: String(error) });
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {failure ? (
          <ErrorNotice
            title="The onboarding could not be started"
            action={failure.flowId ? <Link className="font-medium underline" href={`/flows/${failure.flowId}`}>Open the recorded attempt</Link> : null}
          >
            {failure.message}
          </ErrorNotice>
        ) : null}
        <Card title="Where">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Environment" htmlFor="environmentId" error={errors.environmentId}>
              <select id="environmentId" value={environmentId} onChange={(e) => { setEnvironmentId(e.target.value); setDocTypes([]); setDefaultId(""); }} className={inputClass}>
                {environments.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="External reference (optional)" htmlFor="externalRef" error={errors.externalRef} hint="Your own id for this person, e.g. a customer number.">
              <TextInput id="externalRef" name="externalRef" placeholder="customer-1234" error={errors.externalRef} />
            </Field>
          </div>
          {environment ? (
            <p className="mt-3 text-xs text-slate-500">
              Acts on <EnvironmentBadge kind={environment.kind} name={environment.name} />
            </p>
          ) : null}
        </Card>

        <Card title="Identity proofing">
          <fieldset className="mb-5">
            <legend className="text-sm font-medium text-slate-800">Provider</legend>
            <div className="mt-2 flex gap-3">
              {(["videoid", "readid"] as const).map((p) => (
                <label key={p} className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ${provider === p ? "bg-indigo-50 ring-indigo-500" : "ring-slate-300"}`}>
                  <input type="radio" name="provider" value={p} checked={provider === p} onChange={() => setProvider(p)} />
                  {p === "videoid" ? "VideoID (document + face)" : "ReadID (NFC chip)"}
                </label>
              ))}
            </div>
            {errors.provider ? <p className="mt-1 text-sm text-rose-600">{errors.provider}</p> : null}
          </fieldset>

          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Allowed documents</legend>
            <p className="text-xs text-slate-500">None chosen: every document the service knows is offered.</p>
            <div className="mt-2 max-h-64 overflow-y-auto rounded-md ring-1 ring-slate-200">
              {documents.isPending ? (
                <div className="space-y-2 p-3">
                  <Skeleton />
                  <Skeleton />
                  <Skeleton className="h-4 w-2/3" />
                </div>
              ) : documents.isError ? (
                <div className="p-3">
                  <ErrorNotice title="Could not load the document types">{documents.error.message}</ErrorNotice>
                </div>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {documents.data.map((d) => (
                    <li key={d.id}>
                      <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                        <input type="checkbox" checked={docTypes.includes(d.id)} onChange={() => toggle(d.id)} />
                        <span className="w-10 font-mono text-xs text-slate-500">{d.id}</span>
                        <span className="text-slate-800">{d.name}</span>
                        <span className="ml-auto text-xs text-slate-500">{d.countryName}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {Object.entries(errors).filter(([k]) => k.startsWith("docTypes")).map(([k, v]) => (
              <p key={k} className="mt-1 text-sm text-rose-600">{v}</p>
            ))}
          </fieldset>

          <div className="mt-5 grid gap-4 sm:grid-cols-2">
            <Field label="Preselected document" htmlFor="defaultId" error={errors.defaultId} hint="The app opens with this one chosen.">
              <select id="defaultId" value={defaultId} onChange={(e) => setDefaultId(e.target.value)} className={inputClass} disabled={docTypes.length === 0}>
                <option value="">{docTypes.length ? "None" : "Choose allowed documents first"}</option>
                {docTypes.map((id) => (
                  <option key={id} value={id}>
                    {byId.get(id)?.name ?? `Document ${id}`}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Request body shape" htmlFor="bodyShape" error={errors.bodyShape} hint="The API accepts all three; try the one your integration sends.">
              <select id="bodyShape" name="bodyShape" defaultValue="current" className={inputClass}>
                {Object.entries(BODY_SHAPES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </Card>
      </div>

      <div className="space-y-4">
        <Card title="What happens next">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>The console asks Signicat to start an onboarding; a user is created.</li>
            <li>You get an activation code as a QR code. Scan it with the Authenticator App, or open the virtual app.</li>
            <li>The app runs the VideoID proofing: document, then selfie.</li>
            <li>The page follows every step live and shows the identity when it completes.</li>
          </ol>
        </Card>
        <Button type="submit" className="w-full py-2.5" disabled={!hydrated || busy || !environmentId}>
          {busy ? "Starting…" : "Start onboarding"}
        </Button>
      </div>
    </form>
  );
}
