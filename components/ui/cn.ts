import { twMerge } from "tailwind-merge";

type ClassValue = string | false | null | undefined;

/**
 * Joins class names and lets the later of two conflicting utilities win ("px-3 px-0" → "px-0").
 * Plain concatenation leaves both, and then the stylesheet's order decides, not the caller.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
