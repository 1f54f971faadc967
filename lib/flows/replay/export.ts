// The exports of a recorded flow that replay it, and the Postman files of an environment.
import type { FlowDetail } from "@/lib/data/queries/flows";
import type { PublicEnvironment } from "@/lib/environments";
import { recordedStartBody, replayPlan, withoutSimulator, type ReplayPlan } from "./plan";
import { postmanEnvironment, replayCollection } from "./postman";
import { replayScript } from "./shell";
import { replayTarget } from "./target";

function flowPlan(flow: FlowDetail, origin: string): { plan: ReplayPlan; target: ReturnType<typeof replayTarget> } {
  const target = replayTarget(flow.environment, origin);
  const plan = replayPlan({
    id: flow.id,
    type: flow.type,
    environmentName: flow.environment.name,
    startBody: recordedStartBody(flow.type, flow.exchanges),
    userId: flow.userId,
    deviceId: flow.deviceId,
  });
  return { plan: target.simulator ? plan : withoutSimulator(plan), target };
}

export function flowReplayScript(flow: FlowDetail, origin: string): string {
  const { plan, target } = flowPlan(flow, origin);
  return replayScript(plan, target);
}

export function flowReplayCollection(flow: FlowDetail, origin: string) {
  const { plan, target } = flowPlan(flow, origin);
  return replayCollection(plan, target);
}

/** The quick start in Postman for one environment: onboarding, then a step-up of the user it made. */
export function environmentCollection(env: PublicEnvironment, origin: string) {
  const target = replayTarget(env, origin);
  const source = { id: env.id, environmentName: env.name };
  const onboarding = replayPlan({ ...source, type: "onboarding", startBody: { input: {} } });
  const stepUp = replayPlan({ ...source, type: "stepup", startBody: { input: { userId: "{{userId}}", deviceId: "{{deviceId}}" } } });
  const steps = [...onboarding.steps, ...stepUp.steps];
  const plan: ReplayPlan = {
    flowType: "onboarding",
    title: `ReuseID quick start — ${env.name}`,
    summary: [
      `Onboarding, then a step-up of the user it created, against "${env.name}".`,
      target.simulator ? "The emulator's simulator plays the phone." : "Use the Authenticator App when the requests wait for it.",
    ],
    steps: target.simulator ? steps : steps.filter((s) => !s.simulator),
  };
  return replayCollection(plan, target);
}

export function environmentPostmanEnvironment(env: PublicEnvironment, origin: string) {
  return postmanEnvironment(`${env.name} (ReuseID Console)`, replayTarget(env, origin));
}
