import Link from "next/link";
import type { EmulatorAdminTab } from "@/lib/emulator-admin/schemas";
import { emulatorAdminHref } from "@/lib/emulator-admin/format";

const LABELS: Record<EmulatorAdminTab, { label: string; hint: string }> = {
  clients: { label: "Clients", hint: "API clients and their accounts" },
  events: { label: "Events", hint: "Subscriptions and the delivery log" },
  faults: { label: "Faults", hint: "Latency, errors, expiry and reset" },
};

/** The tab lives in the URL (?tab=), so a tester can send the view to a colleague. */
export function EmulatorTabs({ tab, accountId }: { tab: EmulatorAdminTab; accountId?: string }) {
  return (
    <nav aria-label="Emulator sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {(Object.keys(LABELS) as EmulatorAdminTab[]).map((key) => {
        const active = key === tab;
        return (
          <Link
            key={key}
            href={emulatorAdminHref(key, key === "clients" ? undefined : accountId)}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2.5 text-sm ${active ? "border-indigo-600 font-semibold text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
          >
            {LABELS[key].label}
            <span className="ml-2 hidden text-xs font-normal text-slate-500 lg:inline">{LABELS[key].hint}</span>
          </Link>
        );
      })}
    </nav>
  );
}
