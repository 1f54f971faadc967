import { DateTime } from "@/components/ui/date-time";
import { STEP_LABELS, stepsOf, type FlowStep } from "@/lib/flows/steps";
import { statusLabel } from "@/lib/ui/labels";

type Event = { kind: string; name: string; detail: string | null; at: string };

/** The flow's steps, each done (with its time), current, or still to come. */
export function FlowTimeline({ type, status, events }: { type: string; status: string; events: Event[] }) {
  const steps = stepsOf(type);
  const done = new Map(events.filter((e) => e.kind === "step").map((e) => [e.name as FlowStep, e]));
  const firstOpen = steps.find((s) => !done.has(s));
  const ended = status !== "Pending";
  return (
    <ol aria-label="Progress" className="relative space-y-5">
      {steps.map((step, index) => {
        const event = done.get(step);
        const current = !ended && step === firstOpen;
        const stopped = ended && !event && step === firstOpen && status !== "Completed";
        const dot = event
          ? "bg-emerald-500 text-white"
          : stopped
            ? "bg-rose-500 text-white"
            : current
              ? "bg-white ring-2 ring-indigo-500 text-indigo-600"
              : "bg-white ring-1 ring-slate-300 text-slate-500";
        return (
          <li key={step} className="relative flex gap-3" data-state={event ? "done" : current ? "current" : stopped ? "stopped" : "todo"}>
            {index < steps.length - 1 ? <span className={`absolute left-3 top-7 h-[calc(100%-4px)] w-px ${event ? "bg-emerald-300" : "bg-slate-200"}`} aria-hidden /> : null}
            <span className={`relative z-10 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${dot}`} aria-hidden>
              {event ? "✓" : stopped ? "✕" : index + 1}
            </span>
            <div className="min-w-0 pb-1">
              <p className={`text-sm font-medium ${event ? "text-slate-900" : current ? "text-indigo-700" : stopped ? "text-rose-700" : "text-slate-500"}`}>
                {STEP_LABELS[step]}
                {current ? <span className="ml-2 text-xs font-normal text-slate-600">waiting…</span> : null}
                {stopped ? <span className="ml-2 text-xs font-normal">not reached ({statusLabel(status).toLowerCase()})</span> : null}
              </p>
              {event ? (
                <p className="truncate text-xs text-slate-600">
                  <DateTime value={event.at} style="time" />
                  {event.detail ? ` · ${event.detail}` : ""}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
