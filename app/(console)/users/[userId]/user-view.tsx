"use client";

/**
 * One end user in one environment: the overview the API gives (user, devices, proofings,
 * transactions) beside the flows this console ran for them, and the dialog of support's actions.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { rememberDeletedUser } from "@/components/end-users/deleted-user-notice";
import { Card } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { ErrorNotice, Skeleton } from "@/components/ui/states";
import type { ApiDevice, ApiProofing, ApiUser } from "@/lib/end-users/directory";
import type { PublicEnvironment } from "@/lib/environments";
import type { FlowListItem } from "@/lib/data/queries/flows";
import { fetchJson } from "@/lib/http/fetch-json";
import { personName } from "@/lib/ui/labels";
import { ActionDialog, type PendingAction } from "./action-dialog";
import { DeviceList } from "./device-list";
import { ProofingList } from "./proofing-list";
import { deviceAction, userAction, type ActionContext } from "./user-actions";
import { ConsoleFlowList, TransactionList, type TransactionPage } from "./user-activity";
import { UserAttributes, UserHeader } from "./user-header";

const FAILED_STATUSES = new Set(["Failed", "Expired", "Cancelled", "Error"]);

type Overview = { user: ApiUser; devices: ApiDevice[]; proofings: ApiProofing[]; transactions: TransactionPage };

export function UserView({ userId, environment, flows, canManage, canRunFlows }: { userId: string; environment: PublicEnvironment; flows: FlowListItem[]; canManage: boolean; canRunFlows: boolean }) {
  const queryClient = useQueryClient();
  const env = encodeURIComponent(environment.id);
  const base = `/api/users/${encodeURIComponent(userId)}`;
  const overview = useQuery({ queryKey: ["user-overview", environment.id, userId], queryFn: () => fetchJson<Overview>(`${base}?environmentId=${env}`) });
  const [pending, setPending] = useState<PendingAction | null>(null);
  const toast = useToast();
  const deleted = useRef<string | null>(null);
  const router = useRouter();

  if (overview.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-32" />
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (overview.isError) {
    return (
      <ErrorNotice
        title="This user could not be loaded"
        action={
          <Link href="/users" className="font-medium underline">
            Back to users
          </Link>
        }
      >
        {overview.error.message}
      </ErrorNotice>
    );
  }

  const { user, devices, proofings, transactions } = overview.data;
  const fullName = personName(user.attributes);
  const actions: ActionContext = {
    userId,
    fullName,
    base,
    post: (path, body) => fetchJson(`${path}?environmentId=${env}`, { method: "POST", json: body }),
    onUserDeleted: (label) => {
      deleted.current = label;
    },
  };
  const done = (text: string) => {
    setPending(null);
    toast(text);
    void queryClient.invalidateQueries({ queryKey: ["user-overview", environment.id, userId] });
  };
  // A deleted user cannot be shown any more: the success is told on Users, not as a failed reload here.
  const finish = (text: string) => {
    if (!deleted.current) return done(text);
    rememberDeletedUser(deleted.current);
    queryClient.removeQueries({ queryKey: ["user-overview", environment.id, userId] });
    router.push("/users");
  };
  const activeDevice = devices.find((d) => d.state === "ACTIVE");
  // A rejected or abandoned proofing binds nothing to the user, so the API's list never shows it: the console's flows do.
  const failedAttempts = flows.filter((f) => f.type !== "authentication" && FAILED_STATUSES.has(f.status));
  const reuse = (path: string) => `${path}?${new URLSearchParams({ environmentId: environment.id, userId, deviceId: activeDevice?.deviceId ?? "" })}`;

  return (
    <div className="space-y-6">
      <UserHeader
        user={user}
        userId={userId}
        fullName={fullName}
        environment={environment}
        reuseHref={canRunFlows && activeDevice ? reuse : null}
        canManage={canManage}
        onAction={(action, title) => setPending(userAction(actions, action, title))}
      />

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card title="Attributes">
          <UserAttributes attributes={user.attributes} />
        </Card>

        <Card title={`Devices (${devices.length})`} className="lg:col-span-2">
          <DeviceList devices={devices} canManage={canManage} onAction={(d, action, title) => setPending(deviceAction(actions, d, action, title))} />
        </Card>
      </div>

      <Card title={`Identity proofings (${proofings.length})`}>
        <ProofingList proofings={proofings} failedAttempts={failedAttempts} environmentId={environment.id} />
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Transactions (from the API)">
          <TransactionList firstPage={transactions} userId={userId} environmentId={environment.id} />
        </Card>
        <Card title="Flows from this console">
          <ConsoleFlowList flows={flows} />
        </Card>
      </div>

      {pending ? <ActionDialog action={pending} onClose={() => setPending(null)} onDone={finish} /> : null}
    </div>
  );
}
