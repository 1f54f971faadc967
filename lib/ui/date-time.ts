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

/**
 * Formatters by viewer and style, made once: building an Intl formatter loads its locale data
 * (tens of microseconds each), and a History page writes a few dozen moments per render.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, viewer: Viewer, make: () => F): F {
  const k = `${key}|${viewer.locale ?? ""}|${viewer.timeZone ?? ""}`;
  let f = formatters.get(k) as F | undefined;
  if (!f) {
    f = make();
    if (formatters.size > 64) formatters.clear(); // a viewer per request on the server: keep it bounded
    formatters.set(k, f);
  }
  return f;
}
const dateTimeFormat = (style: keyof typeof FORMATS | "exact", viewer: Viewer) =>
  cached(style, viewer, () => new Intl.DateTimeFormat(viewer.locale, { ...(style === "exact" ? { dateStyle: "full", timeStyle: "long" } : FORMATS[style]), timeZone: viewer.timeZone }));
const relativeFormat = (viewer: Viewer) => cached("relative", viewer, () => new Intl.RelativeTimeFormat(viewer.locale, { numeric: "auto" }));

export function formatDateTime(iso: string | Date, style: Exclude<DateTimeStyle, "relative">, viewer: Viewer = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return dateTimeFormat(style, viewer).format(date);
}

/** The exact moment with its time zone, for the hover title. */
export function formatExact(iso: string | Date, viewer: Viewer = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return dateTimeFormat("exact", viewer).format(date);
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
  if (Math.abs(amount) < 10) return relativeFormat(viewer).format(0, "second");
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relativeFormat(viewer).format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDateTime(date, "datetime", viewer);
}
