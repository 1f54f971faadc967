/**
 * The one way a date and time is written: in the viewer's locale and time zone (both undefined
 * here means "the browser's"), relative where recency matters, with the exact moment for a title.
 */

export type DateTimeStyle = "datetime" | "date" | "time" | "relative";

const FORMATS: Record<Exclude<DateTimeStyle, "relative">, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "medium" },
};

export type Viewer = { locale?: string; timeZone?: string };

export function formatDateTime(iso: string | Date, style: Exclude<DateTimeStyle, "relative">, viewer: Viewer = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(viewer.locale, { ...FORMATS[style], timeZone: viewer.timeZone }).format(date);
}

/** The exact moment with its time zone, for the hover title. */
export function formatExact(iso: string | Date, viewer: Viewer = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(viewer.locale, { dateStyle: "full", timeStyle: "long", timeZone: viewer.timeZone }).format(date);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/** "3 minutes ago", "in 10 minutes", "yesterday"; older than a week reads as a date. */
export function formatRelative(iso: string | Date, now: number, viewer: Viewer = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  let amount = (date.getTime() - now) / 1000;
  if (Math.abs(amount) < 10) return new Intl.RelativeTimeFormat(viewer.locale, { numeric: "auto" }).format(0, "second");
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return new Intl.RelativeTimeFormat(viewer.locale, { numeric: "auto" }).format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDateTime(date, "datetime", viewer);
}
