import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ReuseID Console", template: "%s · ReuseID Console" },
  description: "Try Signicat ReuseID: onboarding, step-up, reuse and user management, against Signicat or the embedded emulator.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
