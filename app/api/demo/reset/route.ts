import { z } from "zod";
import { canPresentDemos } from "@/lib/auth/roles";
import { resetDemoToBaseline } from "@/lib/demo/baseline";
import { data, route } from "@/lib/http/route";

// Destructive, so it is asked for in words: a stray POST (or a replayed one) resets nothing.
const resetInput = z.object({ confirm: z.literal(true, "Send confirm: true to forget the Demo environment and seed its baseline.") });

export const dynamic = "force-dynamic";

/** Forgets the Demo environment (only it) and plays its baseline history again. */
export const POST = route({ permission: canPresentDemos, action: "demo.reset", body: resetInput }, async ({ staff, audit }) => {
  const summary = await resetDemoToBaseline(staff);
  audit({ environmentId: summary.environmentId, detail: `baseline: ${summary.completed} completed and ${summary.failed} failed flows` });
  return data(summary);
});
