import { canPresentDemos } from "@/lib/auth/roles";
import { demoStepInput, startDemoStep } from "@/lib/demo/story";
import { data, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Starts the story's next flow in the Demo environment. */
export const POST = route({ permission: canPresentDemos, action: "demo.flow.start", body: demoStepInput }, async ({ body, staff, audit }) => {
  const id = await startDemoStep(staff, body);
  audit({ target: `flow ${id}`, detail: body.step });
  return data({ id }, { status: 201 });
});
