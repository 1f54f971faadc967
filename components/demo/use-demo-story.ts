"use client";

/**
 * The presenter view's state: where the story is, the three flows it started (followed every
 * second while one is pending), and Autopilot (the phone's taps and the story's Next, at the
 * presenter's pace, pausable at any step).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { DemoFlow } from "@/lib/demo/story";
import { STORY, flowToStart, type PhoneAction, type StoryFlowKind, type StoryFlows } from "@/lib/demo/story-steps";
import { ConsoleApiError, fetchJson } from "@/lib/http/fetch-json";
import { tapNext } from "./autopilot";

export type Pace = "slow" | "normal" | "fast";
export const PACE_MS: Record<Pace, number> = { slow: 4_000, normal: 2_000, fast: 800 };

type Started = Partial<Record<StoryFlowKind, string>>;

export function useDemoStory({ brandId, phone }: { brandId: string | null; phone: RefObject<HTMLIFrameElement | null> }) {
  const [index, setIndex] = useState(0);
  const [started, setStarted] = useState<Started>({});
  const [flows, setFlows] = useState<Partial<Record<StoryFlowKind, DemoFlow>>>({});
  const [error, setError] = useState<string | null>(null);
  const [autopilot, setAutopilot] = useState(false);
  const [paused, setPaused] = useState(false);
  // On: the story moves on by itself when a step is done (booths, recordings); off: the presenter says Next.
  const [advance, setAdvance] = useState(true);
  const [pace, setPace] = useState<Pace>("normal");
  const [lastTap, setLastTap] = useState<PhoneAction | null>(null);
  const starting = useRef<Set<StoryFlowKind>>(new Set());
  const known = useRef(flows);
  known.current = flows;
  const step = STORY[index];

  const storyFlows: StoryFlows = Object.fromEntries(
    Object.entries(flows).map(([kind, f]) => [kind, { status: f.status, activationCode: f.activationCode, steps: f.events.filter((e) => e.kind === "step").map((e) => e.name) }]),
  );

  // Reaching a step that starts a flow starts it, once.
  useEffect(() => {
    const kind = flowToStart(step, started);
    if (!kind || starting.current.has(kind)) return;
    starting.current.add(kind);
    const body = kind === "onboarding" ? { step: kind, brandId: brandId ?? undefined } : { step: kind, after: started.onboarding, brandId: brandId ?? undefined };
    fetchJson<{ id: string }>("/api/demo/flows", { method: "POST", json: body })
      .then(({ id }) => setStarted((s) => ({ ...s, [kind]: id })))
      .catch((e: unknown) => setError(e instanceof ConsoleApiError ? e.message : String(e)))
      .finally(() => starting.current.delete(kind));
  }, [step, started, brandId]);

  // Follows the flow on screen (and any other still pending) once a second.
  useEffect(() => {
    let cancelled = false;
    async function poll() {
      for (const [kind, id] of Object.entries(started) as [StoryFlowKind, string][]) {
        const seen = known.current[kind];
        if (seen && seen.id === id && seen.status !== "Pending") continue;
        try {
          const flow = await fetchJson<DemoFlow>(`/api/demo/flows/${id}`);
          if (!cancelled) setFlows((f) => ({ ...f, [kind]: flow }));
        } catch (e) {
          if (!cancelled) setError(e instanceof ConsoleApiError ? e.message : String(e));
        }
      }
    }
    void poll();
    const timer = setInterval(() => void poll(), 1_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [started]);

  // Autopilot: one tap on the phone per beat; when the step is done, Next (unless the presenter keeps that).
  const stepDone = step.done(storyFlows);
  useEffect(() => {
    if (!autopilot || paused) return;
    const timer = setInterval(() => {
      const tapped = tapNext(phone.current?.contentDocument, step.phone);
      if (tapped) return setLastTap(tapped);
      if (advance && stepDone && index < STORY.length - 1) setIndex((i) => Math.min(i + 1, STORY.length - 1));
    }, PACE_MS[pace]);
    return () => clearInterval(timer);
  }, [autopilot, paused, advance, pace, step, stepDone, index, phone]);

  const next = useCallback(() => setIndex((i) => Math.min(i + 1, STORY.length - 1)), []);
  const back = useCallback(() => setIndex((i) => Math.max(i - 1, 0)), []);
  const startOver = useCallback(() => {
    setIndex(0);
    setStarted({});
    setFlows({});
    setError(null);
    setLastTap(null);
  }, []);

  return { index, step, flows, started, storyFlows, stepDone, error, setError, autopilot, setAutopilot, paused, setPaused, advance, setAdvance, pace, setPace, lastTap, next, back, startOver };
}
