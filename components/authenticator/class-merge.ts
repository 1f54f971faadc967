/**
 * Joins a primitive's own classes with its caller's, and where both set the same thing the
 * caller's class wins ("min-h-12 px-4" + "min-h-10" → "px-4 min-h-10"), as `cn` does for the
 * console. `cn` knows every Tailwind utility through tailwind-merge, which is 9 kB of the first
 * load of /authenticator; the virtual app's callers override only the few groups below.
 */
const GROUPS: RegExp[] = [
  /^min-h-/,
  /^px-/,
  // Font size, not text colour or alignment.
  /^text-(?:xs|sm|base|lg|\d?xl)$/,
  /^size-/,
  // Border colour, not border width or side.
  /^border-[a-z]+-\d{2,3}(?:\/\d+)?$/,
  /^bg-(?:white|black|transparent|[a-z]+-\d{2,3}(?:\/\d+)?)$/,
];

const groupOf = (token: string) => GROUPS.findIndex((group) => group.test(token));

export function mergeClasses(...classes: (string | false | null | undefined)[]): string {
  const tokens = classes.filter(Boolean).join(" ").split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const group = groupOf(token);
    // A later token of the same group, or the same token again, replaces this one.
    const replaced = tokens.slice(index + 1).some((later) => later === token || (group >= 0 && groupOf(later) === group));
    if (!replaced) kept.push(token);
  }
  return kept.join(" ");
}
