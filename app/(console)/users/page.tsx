import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { inputClass } from "@/components/ui/field";
import { EmptyState, ErrorNotice } from "@/components/ui/states";
import { EnvironmentBadge } from "@/components/environment-badge";
import { findUserInApi, searchEndUsers, type ApiUser } from "@/lib/end-users/directory";
import { currentEnvironment } from "@/lib/environments/current";
import type { EnvironmentKind } from "@/lib/environments/schema";
import { describeError } from "@/lib/flows/lifecycle";
import { requireStaff } from "@/lib/auth/session";
import { canRunFlows } from "@/lib/auth/roles";
import { DeletedUserNotice } from "@/components/end-users/deleted-user-notice";
import { personName, statusLabel } from "@/lib/ui/labels";

export const metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const q = (params.q ?? "").trim().slice(0, 200);
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const env = await currentEnvironment();
  if (!env) return <EmptyState title="No environment">Add an environment first.</EmptyState>;

  let exact: ApiUser | null = null;
  let lookupError: string | null = null;
  if (q && /^[\w.:@+-]{3,}$/.test(q)) {
    try {
      exact = await findUserInApi(env, q);
    } catch (error) {
      lookupError = describeError(error);
    }
  }
  const known = await searchEndUsers(env.id, q || undefined, page);
  const pages = Math.max(1, Math.ceil(known.total / known.pageSize));
  const link = (p: number) => `/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <>
      <PageHeader
        title="Users"
        description={
          <>
            End-users in <EnvironmentBadge kind={env.kind as EnvironmentKind} name={env.name} />. Search by userId or externalRef (looked up in the API), or by name among the users this console has
            met.
          </>
        }
      />
      <DeletedUserNotice />
      <form method="get" action="/users" className="mb-6 flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          Search users
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="userId, externalRef or name" className={cn(inputClass, "min-w-0 max-w-lg")} />
        <Button type="submit">Search</Button>
      </form>

      {lookupError ? (
        <div className="mb-4">
          <ErrorNotice title="The API lookup failed">{lookupError}</ErrorNotice>
        </div>
      ) : null}
      {exact ? (
        <div className="mb-6 rounded-xl bg-white p-4 shadow-sm ring-1 ring-indigo-200">
          <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700">Found in the API</p>
          <Link href={`/users/${encodeURIComponent(exact.userId)}`} data-pii="" className="mt-1 block text-lg font-semibold text-slate-900 hover:underline">
            {[exact.attributes?.firstName, exact.attributes?.lastName].filter(Boolean).join(" ") || exact.userId}
          </Link>
          <p data-pii="" className="font-mono text-xs text-slate-600 [overflow-wrap:anywhere]">
            {exact.userId}
            {exact.externalRef ? ` · externalRef ${exact.externalRef}` : ""} · {statusLabel(exact.state)}
          </p>
        </div>
      ) : q && !lookupError && known.items.length === 0 && /^[\w.:@+-]{3,}$/.test(q) ? (
        <p className="mb-4 text-sm text-slate-600">No user has the userId or externalRef “{q}” in this environment.</p>
      ) : null}

      {known.items.length === 0 ? (
        <EmptyState
          title={q ? "No known user matches" : "The console has not met any user here yet"}
          action={canRunFlows(staff) ? <ButtonLink href="/onboarding">Onboard a user</ButtonLink> : undefined}
        >
          {canRunFlows(staff)
            ? "Users appear here once they were onboarded, stepped up or looked up from this console."
            : "Users appear here once a tester onboarded them, or when you look one up by userId or externalRef above."}
        </EmptyState>
      ) : (
        <Table
          label="Known users"
          footer={
            <Pager
              summary={`${known.total} user${known.total === 1 ? "" : "s"} · page ${page} of ${pages}`}
              previous={page > 1 ? { href: link(page - 1), label: "Previous" } : null}
              next={page < pages ? { href: link(page + 1), label: "Next" } : null}
            />
          }
        >
          <THead>
            <Th>Name</Th>
            <Th>External ref</Th>
            <Th>User id</Th>
            <Th>Last seen</Th>
          </THead>
          <TBody>
            {known.items.map((u) => (
              <tr key={u.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/users/${encodeURIComponent(u.userId)}`} data-pii="" className="font-medium text-indigo-700 hover:underline">
                    {personName(u)}
                  </Link>
                </Td>
                <Td className="font-mono text-xs text-slate-600">
                  <span data-pii="">{u.externalRef ?? "—"}</span>
                </Td>
                <Td className="font-mono text-xs text-slate-600">
                  <span data-pii="">{u.userId}</span>
                </Td>
                <Td className="text-slate-600">
                  <DateTime value={u.lastSeenAt} style="relative" />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
