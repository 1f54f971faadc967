/** Times as the emulator admin page shows them (in the browser's time zone; the page renders there). */
export const formatTime = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function formatIn(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds <= 0) return "due now";
  return seconds < 90 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
}

export const formatLifetime = (seconds: number) => (seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`);

export const emulatorAdminHref = (tab: string, accountId?: string) => `/emulator-admin?tab=${tab}${accountId ? `&account=${encodeURIComponent(accountId)}` : ""}`;
