/** Where the tester is: Configure → Activate → Document → Selfie → Result. */
export const APP_STEPS = ["Configure", "Activate", "Document", "Selfie", "Result"] as const;
export type AppStep = (typeof APP_STEPS)[number];

export function StepIndicator({ current }: { current: AppStep }) {
  const currentIndex = APP_STEPS.indexOf(current);
  return (
    <nav aria-label="Progress">
      <ol className="flex items-start justify-between gap-1">
        {APP_STEPS.map((step, index) => {
          const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
          return (
            <li key={step} className="flex flex-1 flex-col items-center gap-1" aria-current={state === "current" ? "step" : undefined}>
              <span
                className={`flex size-7 items-center justify-center rounded-full text-xs font-bold ${
                  state === "done" ? "bg-indigo-600 text-white" : state === "current" ? "bg-white text-indigo-700 ring-2 ring-indigo-600" : "bg-slate-100 text-slate-500 ring-1 ring-slate-200"
                }`}
                aria-hidden="true"
              >
                {state === "done" ? "✓" : index + 1}
              </span>
              <span className={`text-[11px] font-medium ${state === "todo" ? "text-slate-500" : "text-slate-700"}`}>
                {step}
                <span className="sr-only">{state === "done" ? " (done)" : state === "current" ? " (current step)" : ""}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
