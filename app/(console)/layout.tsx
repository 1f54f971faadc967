import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/console-nav";
import { Providers } from "@/components/providers";
import { MaskingProvider } from "@/components/masking/masking";
import { maskingRequested } from "@/components/masking/server";
import { currentStaff } from "@/lib/auth/session";
import { listEnvironments, publicEnvironment } from "@/lib/environments";
import { currentEnvironment } from "@/lib/environments/current";
import { countStaff } from "@/lib/staff/accounts";
import { parseTheme, THEME_COOKIE } from "@/lib/ui/theme";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) {
    if ((await countStaff()) === 0) redirect("/setup");
    const path = (await headers()).get("x-console-path");
    redirect(path && path !== "/" ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
  }
  const [environments, current, masked, cookieStore] = await Promise.all([listEnvironments(), currentEnvironment(), maskingRequested(), cookies()]);
  return (
    <Providers>
      <MaskingProvider initial={masked}>
        <div className="min-h-full">
          <ConsoleNav
            staff={{ id: staff.id, email: staff.email, name: staff.name, role: staff.role }} // not the session id
            environments={environments.map(publicEnvironment)}
            currentEnvironmentId={current?.id ?? null}
            theme={parseTheme(cookieStore.get(THEME_COOKIE)?.value)}
          />
          <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8 lg:px-8">{children}</main>
        </div>
      </MaskingProvider>
    </Providers>
  );
}
