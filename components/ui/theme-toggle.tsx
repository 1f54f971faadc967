"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/ui/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * Light, dark or as the system says. The choice goes into a cookie (read by the root layout, so the
 * next page arrives in the right colours without a flash) and onto <html> at once.
 */
export function ThemeToggle({ initial, className }: { initial: Theme; className?: string }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (next !== "system") root.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
  }
  return (
    <label className={cn("flex items-center gap-1.5 text-sm text-slate-700", className)}>
      <span>Theme</span>
      <select
        value={theme}
        onChange={(e) => choose(e.target.value as Theme)}
        className="rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm text-slate-800 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
