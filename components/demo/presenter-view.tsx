"use client";

/**
 * The presenter view: the story in large type on the left, one sentence a step with Next and
 * Back; the customer's phone (the real virtual app, life-size in a phone frame) on the right;
 * the bank's view of the flow under the sentence, and its raw API exchanges one click away.
 */
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { FlowStory } from "@/components/flow/flow-story";
import { MaskingSwitch } from "@/components/masking/masking";
import { Button } from "@/components/ui/button";
import { appConfiguration, virtualAppLink } from "@/lib/environments/app-configuration";
import { textColourOn } from "@/lib/demo/brand-colour";
import type { PublicBrand } from "@/lib/demo/brands";
import { CHAPTERS, STORY } from "@/lib/demo/story-steps";
import type { PublicEnvironment } from "@/lib/environments";
import type { FlowDetail } from "@/lib/data/queries/flows";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";
import { ACTION_LABELS } from "./autopilot";
import { BrandForm } from "./brand-form";
import { ActivationPanel, FlowStatusLine, IdentityCard, Milestones, ProofingSummary } from "./customer-view";
import { PACE_MS, useDemoStory, type Pace } from "./use-demo-story";

const DEFAULT_BRAND = { id: "", name: "the bank", color: "#3730a3", logoDataUrl: null } as const;

export function PresenterView({ environment, brands: initialBrands, initialBrandId }: { environment: PublicEnvironment; brands: PublicBrand[]; initialBrandId: string | null }) {
  const router = useRouter();
  const [brands, setBrands] = useState(initialBrands);
  const [brandId, setBrandId] = useState<string | null>(initialBrands.some((b) => b.id === initialBrandId) ? initialBrandId : null);
  const [addingBrand, setAddingBrand] = useState(false);
  const [showExchanges, setShowExchanges] = useState(false);
  const [resetting, setResetting] = useState<"idle" | "busy" | "done">("idle");
  const [origin, setOrigin] = useState("");
  const phone = useRef<HTMLIFrameElement>(null);
  const story = useDemoStory({ brandId, phone });
  const brand = brands.find((b) => b.id === brandId) ?? DEFAULT_BRAND;
  const customer = brand.id ? brand.name : "the bank";
  const onboarding = story.flows.onboarding;
  const shown = story.step.shows ? story.flows[story.step.shows] : undefined;

  useEffect(() => setOrigin(window.location.origin), []);

  // The phone opens the virtual app with the onboarding's code (and the brand) once the code is there.
  const phoneLink = useMemo(() => {
    if (!origin || !onboarding?.activationCode) return null;
    const link = new URL(virtualAppLink(origin, appConfiguration(environment, origin), onboarding.activationCode));
    if (brandId) link.searchParams.set("brand", brandId);
    return link.toString();
  }, [origin, environment, onboarding?.activationCode, brandId]);
  const [phoneSrc, setPhoneSrc] = useState<string | null>(null);
  useEffect(() => {
    if (phoneLink) setPhoneSrc((current) => (current?.includes(`code=${onboarding?.activationCode}`) ? current : phoneLink));
  }, [phoneLink, onboarding?.activationCode]);
  const idlePhone = `/authenticator${brandId ? `?brand=${encodeURIComponent(brandId)}` : ""}`;

  function chooseBrand(id: string | null) {
    setBrandId(id);
    router.replace(id ? `/demo?brand=${encodeURIComponent(id)}` : "/demo", { scroll: false });
  }

  async function resetToBaseline() {
    if (!window.confirm("Reset the Demo environment? Its users, devices and flows are forgotten and the baseline history is seeded again. Nothing else is touched.")) return;
    setResetting("busy");
    try {
      await fetchJson("/api/demo/reset", { method: "POST", json: { confirm: true }, timeoutMs: 120_000 });
      story.startOver();
      setPhoneSrc(null);
      setResetting("done");
    } catch (error) {
      story.setError(error instanceof ConsoleApiError ? error.message : String(error));
      setResetting("idle");
    }
  }

  const stepNumber = story.index + 1;
  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-slate-50">
      <header className="flex shrink-0 items-center gap-4 px-6 py-2.5" style={{ backgroundColor: brand.color, color: textColourOn(brand.color) }}>
        {brand.logoDataUrl ? <img src={brand.logoDataUrl} alt={`${brand.name} logo`} className="size-10 rounded-lg bg-white object-contain p-1" /> : null}
        <div className="leading-tight">
          <p className="text-xl font-bold" data-testid="demo-brand-name">
            {brand.id ? brand.name : "ReuseID demo"}
          </p>
          <p className="text-xs opacity-80">Verified identity, reused · powered by Signicat ReuseID</p>
        </div>
        <nav aria-label="Chapters" className="ml-6 flex gap-1">
          {CHAPTERS.map((chapter) => (
            <span
              key={chapter}
              aria-current={chapter === story.step.chapter ? "step" : undefined}
              className={`rounded-full px-3 py-1 text-sm font-medium ${chapter === story.step.chapter ? "bg-white/25" : "opacity-70"}`}
            >
              {chapter}
            </span>
          ))}
        </nav>
      </header>

      <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-6 py-1.5 text-sm">
        <label className="flex items-center gap-2">
          Brand
          <select value={brandId ?? ""} onChange={(e) => chooseBrand(e.target.value || null)} className="w-36 rounded-md border-0 py-1 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
            <option value="">No brand</option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <Button variant="ghost" className="px-2 py-1" aria-label="New brand…" onClick={() => setAddingBrand(true)}>
          New…
        </Button>
        <span className="h-5 w-px bg-slate-200" aria-hidden="true" />
        <label className="inline-flex cursor-pointer items-center gap-2 font-medium">
          <input type="checkbox" role="switch" checked={story.autopilot} onChange={(e) => (story.setAutopilot(e.target.checked), story.setPaused(false))} className="size-4 accent-indigo-600" />
          Autopilot
        </label>
        <label className="flex items-center gap-2">
          Pace
          <select value={story.pace} onChange={(e) => story.setPace(e.target.value as Pace)} className="w-24 rounded-md border-0 py-1 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
            {(Object.keys(PACE_MS) as Pace[]).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {story.autopilot ? (
          <label className="inline-flex cursor-pointer items-center gap-2">
            <input type="checkbox" checked={story.advance} onChange={(e) => story.setAdvance(e.target.checked)} className="size-4 accent-indigo-600" />
            Next by itself
          </label>
        ) : null}
        {story.autopilot ? (
          <Button variant="secondary" className="px-3 py-1" onClick={() => story.setPaused(!story.paused)}>
            {story.paused ? "Resume" : "Pause"}
          </Button>
        ) : null}
        <div className="ml-auto flex items-center gap-3">
          <MaskingSwitch />
          <Button variant="ghost" className="px-2 py-1" onClick={() => (story.startOver(), setPhoneSrc(null))}>
            Start over
          </Button>
          <Button variant="secondary" className="px-3 py-1" disabled={resetting === "busy"} onClick={() => void resetToBaseline()}>
            {resetting === "busy" ? "Resetting…" : "Reset to baseline"}
          </Button>
        </div>
      </div>

      <div className="flex min-h-0 flex-1 gap-8 px-8 py-4">
        <main className="flex min-w-0 flex-1 flex-col">
          <p className="text-sm font-semibold uppercase tracking-wider text-slate-500">
            {story.step.chapter} · step {stepNumber} of {STORY.length}
          </p>
          <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight text-slate-900 2xl:text-5xl" data-testid="demo-sentence" aria-live="polite">
            {story.step.sentence(customer)}
          </h1>
          {resetting === "done" && story.index === 0 ? (
            <p className="mt-3 text-base text-emerald-800" role="status">
              The Demo environment is back to its baseline: personas onboarded and a week of flows on Overview.
            </p>
          ) : null}
          {story.error ? (
            <p className="mt-3 text-lg text-rose-700" role="alert">
              {story.error}
            </p>
          ) : null}

          <div className="mt-4 min-h-0 flex-1 space-y-3 overflow-y-auto pb-2" data-testid="customer-view">
            {story.step.id === "welcome" ? (
              <ol className="grid max-w-3xl grid-cols-3 gap-4 text-lg text-slate-700">
                <li className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                  <strong className="block text-xl text-slate-900">1 · Onboarding</strong>Activate the phone and prove who you are, once.
                </li>
                <li className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                  <strong className="block text-xl text-slate-900">2 · Step-up</strong>Confirm on the phone and refresh the identity.
                </li>
                <li className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                  <strong className="block text-xl text-slate-900">3 · Reuse</strong>Sign in with one tap, the identity comes along.
                </li>
              </ol>
            ) : !shown ? (
              <p className="text-xl text-slate-500" role="status">
                Starting…
              </p>
            ) : (
              <>
                <FlowStatusLine flow={shown} />
                {story.step.id === "activation-code" || (shown.type === "onboarding" && shown.status === "Pending" && !shown.events.some((e) => e.name === "device_activated")) ? (
                  <ActivationPanel flow={shown} phoneLink={phoneLink} />
                ) : null}
                <Milestones flow={shown} />
                {shown.status === "Completed" && shown.type !== "authentication" ? (
                  <IdentityCard flow={shown} title={shown.type === "stepup" ? "Identity after the step-up" : "Identity written onto the user"} />
                ) : null}
                {shown.status === "Completed" && shown.type === "authentication" ? <IdentityCard flow={shown} title="Identity the bank received" /> : null}
                {shown.type !== "authentication" && shown.status !== "Pending" ? <ProofingSummary flow={shown} /> : null}
              </>
            )}
          </div>

          <div className="flex shrink-0 items-center gap-3 border-t border-slate-200 pt-3">
            <Button variant="secondary" className="px-6 py-2.5 text-lg" onClick={story.back} disabled={story.index === 0}>
              Back
            </Button>
            <Button className="px-8 py-2.5 text-lg" onClick={story.next} disabled={story.index === STORY.length - 1}>
              Next
            </Button>
            {story.autopilot ? (
              <span className="text-sm text-slate-500" aria-live="polite">
                Autopilot {story.paused ? "paused" : "on"}
                {story.lastTap ? ` · the phone: ${ACTION_LABELS[story.lastTap]}` : ""}
              </span>
            ) : null}
            {shown ? (
              <Button variant="ghost" className="ml-auto" onClick={() => setShowExchanges(true)}>
                Show the API calls ({shown.exchanges.length})
              </Button>
            ) : null}
          </div>
        </main>

        <aside aria-label="The customer's phone" className="flex shrink-0 items-start justify-center">
          <div className="rounded-[3rem] bg-slate-900 p-3 shadow-2xl ring-1 ring-slate-700">
            <iframe
              ref={phone}
              key={phoneSrc ?? idlePhone}
              src={phoneSrc ?? idlePhone}
              title="The customer's phone: the Authenticator App"
              className="block h-[min(calc(100dvh-9.5rem),780px)] w-[360px] rounded-[2.3rem] bg-white"
            />
          </div>
        </aside>
      </div>

      {showExchanges && shown ? (
        <div role="dialog" aria-modal="true" aria-label="API calls of this flow" className="fixed inset-0 z-20 flex justify-end bg-slate-900/40" onClick={() => setShowExchanges(false)}>
          <div className="h-full w-[min(60rem,90vw)] overflow-y-auto bg-white p-6 shadow-2xl" onClick={(e) => e.stopPropagation()}>
            <div className="mb-4 flex items-center justify-between">
              <h2 className="text-lg font-semibold">Every API call of this {shown.type}</h2>
              <Button variant="secondary" onClick={() => setShowExchanges(false)}>
                Close
              </Button>
            </div>
            <FlowStory flow={{ ...shown, input: null, startedBy: { name: "", email: "" } } satisfies FlowDetail} />
          </div>
        </div>
      ) : null}

      {addingBrand ? (
        <div role="dialog" aria-modal="true" aria-label="New brand" className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/40">
          <div className="w-[28rem] rounded-xl bg-white p-6 shadow-2xl">
            <h2 className="mb-4 text-lg font-semibold">New brand</h2>
            <BrandForm
              onCancel={() => setAddingBrand(false)}
              onCreated={(created) => {
                setBrands((list) => [...list, created].sort((a, b) => a.name.localeCompare(b.name)));
                chooseBrand(created.id);
                setAddingBrand(false);
              }}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
