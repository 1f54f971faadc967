import { notFound } from "next/navigation";
import { cursorOf } from "@/lib/flows/flow-update";
import { getFlowDetail } from "@/lib/data/queries/flows";
import { flowForViewer } from "@/lib/flows/redaction";
import { FlowView } from "./flow-view";
import { requireStaff } from "@/lib/auth/session";
import { canRunFlows } from "@/lib/auth/roles";

export const metadata = { title: "Flow" };

export default async function FlowPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const flow = await getFlowDetail(id);
  if (!flow) notFound();
  return <FlowView initial={{ ...flowForViewer(flow, staff), cursor: cursorOf(flow, flow.events, flow.exchanges) }} canRun={canRunFlows(staff)} />;
}
