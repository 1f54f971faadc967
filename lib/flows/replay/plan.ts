/**
 * A replay plan: the requests that run a flow again as a NEW flow of the same kind with the
 * same inputs. Each step names the values it reads from its answer (later steps use them as
 * `{{name}}`), the status it expects, and the last step polls until the flow leaves its pending
 * state. Rendered as a shell script (shell.ts) and as a Postman collection (postman.ts), so both
 * exports replay the same thing. The recorded exchanges only give the start request's body: the
 * old ids and the old polls are never replayed.
 */
import { signicatPaths } from "@/lib/signicat/routes";

export type FlowType = "onboarding" | "stepup" | "authentication";

export type ReplayStep = {
  name: string;
  method: "GET" | "POST";
  /** Relative to the base URL; `{{name}}` is a value read by an earlier step. */
  path: string;
  /** JSON; strings may hold `{{name}}`. */
  body?: unknown;
  expectStatus: number;
  /** Variable name → the answer's string field holding it (unique in the answer, e.g. "transactionId"). */
  captures?: Record<string, string>;
  /** Only against the emulator: what a phone would do, done by the emulator's simulator. */
  simulator?: boolean;
  poll?: { field: string; pending: string; success: string; intervalSeconds: number; maxAttempts: number };
};

export type ReplayPlan = { flowType: FlowType; title: string; summary: string[]; steps: ReplayStep[] };

export type ReplaySource = { id: string; type: string; environmentName: string; startBody: unknown; userId?: string | null; deviceId?: string | null };

const POLL = { intervalSeconds: 2, maxAttempts: 90 };

/** The body the console sent to start the flow: the first recorded POST to the flow's start path. */
export function recordedStartBody(type: string, exchanges: { method: string; url: string; requestBody: string | null }[]): unknown {
  const start = startPathPattern(type);
  const found = exchanges.find((x) => x.method === "POST" && start.test(pathOf(x.url)));
  if (!found?.requestBody) return type === "onboarding" ? { input: {} } : {};
  try {
    return JSON.parse(found.requestBody) as unknown;
  } catch {
    return {};
  }
}

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname.replace(/^\/emulator(?=\/)/, "");
  } catch {
    return url;
  }
};

function startPathPattern(type: string): RegExp {
  if (type === "stepup") return /^\/reuseid\/id-stepups$/;
  if (type === "authentication") return /^\/mobileid\/core\/users\/[^/]+\/devices\/[^/]+\/authentications$/;
  return /^\/reuseid\/id-onboardings$/;
}

export function replayPlan(source: ReplaySource, options: { persona?: string } = {}): ReplayPlan {
  const persona = options.persona ?? "jane-smith";
  const header = (what: string) => `Replays the ${source.type} flow ${source.id} of "${source.environmentName.replace(/[\r\n]+/g, " ")}" as a new ${what}`;
  if (source.type === "stepup") {
    return {
      flowType: "stepup",
      title: `Step-up (replay of ${source.id.slice(0, 8)})`,
      summary: [header("step-up of the same user and device, with the same options."), "The device must be active; on the emulator the simulator approves the request and finishes the proofing."],
      steps: [
        {
          name: "Start the step-up",
          method: "POST",
          path: signicatPaths.startStepUp(),
          body: source.startBody,
          expectStatus: 200,
          captures: { transactionId: "transactionId", authenticationId: "authenticationId", processId: "processId" },
        },
        { name: "Approve on the device (simulator)", method: "POST", path: "/simulator/authentications/{{authenticationId}}", body: { decision: "approve" }, expectStatus: 200, simulator: true },
        { name: "Finish the proofing (simulator)", method: "POST", path: "/simulator/proofings/{{processId}}", body: { outcome: "accepted", persona }, expectStatus: 200, simulator: true },
        {
          name: "Wait for the step-up to end",
          method: "GET",
          path: "/reuseid/id-stepups/{{transactionId}}",
          expectStatus: 200,
          poll: { field: "status", pending: "Pending", success: "Completed", ...POLL },
        },
      ],
    };
  }
  if (source.type === "authentication") {
    const base = `/mobileid/core/users/${encodeURIComponent(source.userId ?? "")}/devices/${encodeURIComponent(source.deviceId ?? "")}/authentications`;
    return {
      flowType: "authentication",
      title: `Authentication (replay of ${source.id.slice(0, 8)})`,
      summary: [header("authentication on the same device, asking for the same attributes."), "On the emulator the simulator approves it; elsewhere approve it in the Authenticator App."],
      steps: [
        { name: "Start the authentication", method: "POST", path: base, body: source.startBody, expectStatus: 201, captures: { authenticationId: "authenticationId" } },
        { name: "Approve on the device (simulator)", method: "POST", path: "/simulator/authentications/{{authenticationId}}", body: { decision: "approve" }, expectStatus: 200, simulator: true },
        {
          name: "Wait for the authentication to end",
          method: "GET",
          path: `${base}/{{authenticationId}}`,
          expectStatus: 200,
          poll: { field: "state", pending: "PENDING", success: "COMPLETED", ...POLL },
        },
      ],
    };
  }
  return {
    flowType: "onboarding",
    title: `Onboarding (replay of ${source.id.slice(0, 8)})`,
    summary: [
      header("onboarding with the same request body."),
      "On the emulator the simulator activates a device with the new code and finishes the proofing; elsewhere enter the printed code in the Authenticator App.",
    ],
    steps: [
      {
        name: "Start the onboarding",
        method: "POST",
        path: signicatPaths.startOnboarding(),
        body: source.startBody,
        expectStatus: 200,
        captures: { transactionId: "transactionId", activationCode: "activationCode", processId: "processId", userId: "userId" },
      },
      {
        name: "Activate a device with the code (simulator)",
        method: "POST",
        path: "/simulator/activations",
        body: { activationCode: "{{activationCode}}" },
        expectStatus: 200,
        captures: { deviceId: "deviceId" },
        simulator: true,
      },
      { name: "Finish the proofing (simulator)", method: "POST", path: "/simulator/proofings/{{processId}}", body: { outcome: "accepted", persona }, expectStatus: 200, simulator: true },
      {
        name: "Wait for the onboarding to end",
        method: "GET",
        path: "/reuseid/id-onboardings/{{transactionId}}",
        expectStatus: 200,
        captures: { deviceId: "deviceId" },
        poll: { field: "status", pending: "Pending", success: "Completed", ...POLL },
      },
    ],
  };
}

/** The plan without the simulator's steps, for a real Signicat environment. */
export function withoutSimulator(plan: ReplayPlan): ReplayPlan {
  return { ...plan, steps: plan.steps.filter((s) => !s.simulator) };
}
