import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/ui/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ReuseID Console", template: "%s · ReuseID Console" },
  description: "Try Signicat ReuseID: onboarding, step-up, reuse and user management, against Signicat or the embedded emulator.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body>{children}</body>
    </html>
  );
}
