/** The viewer's colour scheme: "system" follows the operating system; the others are a choice, kept in a cookie. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";

export const parseTheme = (value: string | undefined): Theme => ((THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system");

/** The class on <html>: none for "system", so the CSS follows prefers-color-scheme. */
export const themeClass = (theme: Theme): string | undefined => (theme === "system" ? undefined : theme);
