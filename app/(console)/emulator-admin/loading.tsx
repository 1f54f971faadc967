import { ListPageSkeleton } from "@/components/ui/page-states";

export default function EmulatorAdminLoading() {
  return <ListPageSkeleton label="Loading the emulator admin page" rows={5} toolbarClassName="h-10 w-full max-w-96" />;
}
