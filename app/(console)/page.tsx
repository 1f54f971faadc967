import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { flowTypeLabel } from "@/lib/ui/labels";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { currentEnvironment } from "@/lib/environments/current";
import { canRunFlows } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { EnvironmentBadge } from "@/components/environment-badge";
import { historyPage } from "@/lib/flows/history";
import { FLOW_TYPES } from "@/lib/flows/filters";
import { flowStats } from "@/lib/flows/stats";
import { FlowStatsChart } from "@/components/flow-stats-chart";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const [recent, env, stats, staff] = await Promise.all([historyPage({ page: 1 }, 8), currentEnvironment(), flowStats(FLOW_TYPES, 14), requireStaff()]);
  const { counts, total } = recent;
  return (
    <>
      <PageHeader
        title="Overview"
        description="Run ReuseID flows against Signicat or the embedded emulator, and see everything that happened."
        actions={
          canRunFlows(staff) ? (
            <>
              <ButtonLink href="/onboarding">Start onboarding</ButtonLink>
              <ButtonLink variant="secondary" href="/stepup">
                Step up a user
              </ButtonLink>
              <ButtonLink variant="secondary" href="/authenticate">
                Authenticate a user
              </ButtonLink>
            </>
          ) : (
            <ButtonLink variant="secondary" href="/users">
              Find a user
            </ButtonLink>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Acting on">
          {env ? (
            <div className="space-y-2 text-sm">
              <EnvironmentBadge kind={env.kind as "embedded"} name={env.name} />
              <p className="text-slate-600">
                {env.kind === "embedded" ? "The embedded emulator: no Signicat account or phone needed. Use the virtual Authenticator App to play the phone." : `Signicat at ${env.baseUrl}.`}
              </p>
              <Link href="/environments" className="font-medium text-indigo-700 hover:underline">
                Manage environments
              </Link>
            </div>
          ) : (
            <p className="text-sm text-slate-600">No environment yet.</p>
          )}
        </Card>
        <Card title="Flows by status" className="lg:col-span-2">
          {total === 0 ? (
            <p className="text-sm text-slate-600">No flows yet.</p>
          ) : (
            <ul className="flex flex-wrap gap-6">
              {Object.entries(counts).map(([status, n]) => (
                <li key={status} className="flex items-center gap-2">
                  <span className="text-2xl font-semibold text-slate-900">{n}</span>
                  <StatusBadge status={status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold text-slate-900">The last 14 days</h2>
      <div className="grid gap-6 md:grid-cols-3">
        {stats.map((s) => (
          <FlowStatsChart key={s.type} stats={s} />
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold text-slate-900">Recent flows</h2>
      {recent.items.length === 0 ? (
        <EmptyState title="Nothing has run yet" action={<ButtonLink href="/onboarding">Start an onboarding</ButtonLink>}>
          Start an onboarding, open the virtual app with the activation code, and watch the identity arrive here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {recent.items.slice(0, 8).map((f) => (
            <li key={f.id}>
              <Link href={`/flows/${f.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm hover:bg-slate-50">
                <StatusBadge status={f.status} />
                <span className="text-slate-800">{flowTypeLabel(f.type)}</span>
                <span data-pii="" className="min-w-0 truncate font-mono text-xs text-slate-600">
                  {f.externalRef ?? f.userId ?? ""}
                </span>
                <span className="ml-auto text-xs text-slate-600">
                  <DateTime value={f.createdAt} style="relative" /> · {f.startedBy.name}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
