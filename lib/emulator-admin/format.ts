export function formatIn(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds <= 0) return "due now";
  return seconds < 90 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
}

export const formatLifetime = (seconds: number) => (seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`);

export const emulatorAdminHref = (tab: string, accountId?: string) => `/emulator-admin?tab=${tab}${accountId ? `&account=${encodeURIComponent(accountId)}` : ""}`;
