import { ListPageSkeleton } from "@/components/ui/page-states";

export default function AuditLoading() {
  return <ListPageSkeleton label="Loading the audit trail" rows={8} toolbarClassName="h-40 w-full rounded-xl" />;
}
