"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { MaskingSwitch } from "@/components/masking/masking";
import { cn } from "@/components/ui/cn";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { signOutOfConsole } from "@/lib/auth/sign-out";
import { canManageStaff, canPresentDemos, canReadAudit, canRunFlows, ROLE_LABELS, type Permission, type StaffSession } from "@/lib/auth/roles";
import type { PublicEnvironment } from "@/lib/environments";
import { fetchJson } from "@/lib/http/fetch-json";
import type { Theme } from "@/lib/ui/theme";

type NavLink = { href: string; label: string; allowed?: Permission };

/** The sections, in groups: what you run, what you look at, what you manage. */
const GROUPS: NavLink[][] = [
  [
    { href: "/", label: "Overview" },
    { href: "/demo", label: "Demo", allowed: canPresentDemos },
  ],
  [
    { href: "/onboarding", label: "Onboarding", allowed: canRunFlows },
    { href: "/stepup", label: "Step-up", allowed: canRunFlows },
    { href: "/authenticate", label: "Authenticate", allowed: canRunFlows },
  ],
  [
    { href: "/flows", label: "History" },
    { href: "/users", label: "Users" },
  ],
  [
    { href: "/environments", label: "Environments" },
    { href: "/staff", label: "Staff", allowed: canManageStaff },
    { href: "/audit", label: "Audit", allowed: canReadAudit },
    { href: "/emulator-admin", label: "Emulator" },
    { href: "/api-reference", label: "API" },
  ],
];

export function ConsoleNav({ staff, environments, currentEnvironmentId, theme }: { staff: StaffSession; environments: PublicEnvironment[]; currentEnvironmentId: string | null; theme: Theme }) {
  const pathname = usePathname();
  const router = useRouter();
  const [switching, setSwitching] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState<"busy" | "failed" | null>(null);
  const current = environments.find((e) => e.id === currentEnvironmentId) ?? null;

  async function choose(id: string) {
    const target = environments.find((e) => e.id === id);
    if (target?.kind === "production" && !window.confirm(`Switch to ${target.name}? Actions will act on real Signicat production users.`)) return;
    setSwitching(true);
    try {
      await fetchJson("/api/environments/select", { method: "POST", json: { id } });
      router.refresh();
    } finally {
      setSwitching(false);
    }
  }

  const groups = GROUPS.map((group) => group.filter((link) => !link.allowed || link.allowed(staff))).filter((g) => g.length);
  return (
    <header className={cn("border-b bg-white", current?.kind === "production" ? "border-b-4 border-rose-500" : "border-slate-200")}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 pt-3 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white">R</span>
          ReuseID Console
        </Link>
        {/* On a phone the sections and the controls fold into one menu. */}
        <div className="ml-auto flex items-center gap-2 md:hidden">
          {current ? <EnvironmentBadge kind={current.kind} /> : null}
          <button
            type="button"
            aria-expanded={menuOpen}
            aria-controls="console-menu"
            onClick={() => setMenuOpen((open) => !open)}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
          >
            {menuOpen ? "Close menu" : "Menu"}
          </button>
        </div>
        <div id="console-menu" className={cn("w-full flex-col gap-3 pb-3 md:ml-auto md:flex md:w-auto md:flex-row md:items-center md:pb-0", menuOpen ? "flex" : "hidden")}>
          {current ? <EnvironmentBadge kind={current.kind} className="hidden md:inline-flex" /> : null}
          <label className="sr-only" htmlFor="environment-switch">
            Environment
          </label>
          <select
            id="environment-switch"
            value={current?.id ?? ""}
            disabled={switching || environments.length === 0}
            onChange={(e) => choose(e.target.value)}
            className="rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm text-slate-800 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          >
            {environments.length === 0 ? <option value="">No environment</option> : null}
            {environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          <MaskingSwitch />
          <ThemeToggle initial={theme} />
          <div className="text-xs leading-tight md:text-right">
            <div className="font-medium text-slate-800">{staff.name}</div>
            <div className="text-slate-600">{ROLE_LABELS[staff.role]}</div>
          </div>
          <Link href="/account/password" className="self-start rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 md:self-auto">
            Password
          </Link>
          <button
            type="button"
            disabled={signingOut === "busy"}
            onClick={() => {
              setSigningOut("busy");
              signOutOfConsole().catch(() => setSigningOut("failed"));
            }}
            className="self-start rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 md:self-auto"
          >
            Sign out
          </button>
          {signingOut === "failed" ? (
            <span role="alert" className="self-start text-sm text-rose-700 md:self-auto">
              Not signed out: the console did not answer. Try again.
            </span>
          ) : null}
        </div>
      </div>
      <nav aria-label="Main" className={cn("mx-auto max-w-7xl flex-col gap-1 px-4 py-2 sm:px-6 md:flex md:flex-row md:items-center md:overflow-x-auto lg:px-8", menuOpen ? "flex" : "hidden")}>
        {groups.map((group, i) => (
          <div key={group[0].href} className={cn("flex shrink-0 flex-col gap-1 md:flex-row md:items-center", i ? "border-t border-slate-200 pt-1 md:border-l md:border-t-0 md:pl-2 md:pt-0" : "")}>
            {group.map((link) => {
              const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
              return (
                <Link
                  key={link.href}
                  href={link.href}
                  aria-current={active ? "page" : undefined}
                  onClick={() => setMenuOpen(false)}
                  className={cn("whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium", active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900")}
                >
                  {link.label}
                </Link>
              );
            })}
          </div>
        ))}
      </nav>
    </header>
  );
}
