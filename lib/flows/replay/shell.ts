/**
 * A replay plan as a bash script that needs only curl and sed: one token request, each step's
 * request with the ids read from the answer before, one polling loop, and an exit status that
 * says whether the new flow completed. Nothing recorded reaches the shell unquoted.
 */
import { signicatPaths } from "@/lib/signicat/routes";
import type { ReplayPlan, ReplayStep } from "./plan";

/** No secret is ever written into a script: it is read from CLIENT_SECRET when the script runs. */
export type ShellTarget = { baseUrl: string; clientId: string };

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A shell word for text with `{{name}}` placeholders of earlier captures: literal parts quoted, variables expanded. */
function shellWord(text: string, known: Set<string>): string {
  const parts = text.split(/(\{\{[A-Za-z][A-Za-z0-9]*\}\})/);
  const word = parts
    .map((part) => {
      const name = part.match(/^\{\{([A-Za-z][A-Za-z0-9]*)\}\}$/)?.[1];
      if (name && known.has(name)) return `"\${${name}}"`;
      return part ? quote(part) : "";
    })
    .join("");
  return word || "''";
}

function stepLines(step: ReplayStep, index: number, known: Set<string>): string[] {
  const lines = [`# ${index}. ${step.name}`];
  const path = shellWord(step.path, known);
  const body = step.body === undefined ? "" : ` ${shellWord(JSON.stringify(step.body), known)}`;
  if (step.poll) {
    const { field, pending, success, intervalSeconds, maxAttempts } = step.poll;
    lines.push(
      `echo ${quote(`${step.name} (every ${intervalSeconds} s, at most ${maxAttempts} times)…`)}`,
      `for attempt in $(seq 1 ${maxAttempts}); do`,
      `  call ${step.method} ${path}${body}`,
      `  expect_status ${step.expectStatus} ${quote(step.name)}`,
      `  STATE=$(field ${field})`,
      `  [ "$STATE" = ${quote(pending)} ] || break`,
      `  sleep ${intervalSeconds}`,
      "done",
      `echo "$STATE: $ANSWER"`,
      `if [ "$STATE" = ${quote(success)} ]; then echo ${quote(`The new flow ended ${success}.`)}; else echo ${quote(`The new flow did not end ${success}.`)} >&2; exit 1; fi`,
    );
    for (const [name, field] of Object.entries(step.captures ?? {})) {
      lines.push(`${name}=$(field ${field})`);
      known.add(name);
    }
    return lines;
  }
  lines.push(`call ${step.method} ${path}${body}`, `expect_status ${step.expectStatus} ${quote(step.name)}`);
  for (const [name, field] of Object.entries(step.captures ?? {})) {
    lines.push(`${name}=$(field ${field}); [ -n "$${name}" ] || { echo ${quote(`${step.name}: no ${field} in the answer: `)}"$ANSWER" >&2; exit 1; }`);
    known.add(name);
  }
  lines.push(`echo ${quote(`${step.name}: `)}"$ANSWER"`);
  if (step.captures?.activationCode && !step.simulator) lines.push('echo "Activation code for the Authenticator App: ${activationCode}"');
  return lines;
}

export function replayScript(plan: ReplayPlan, target: ShellTarget): string {
  const known = new Set<string>();
  return [
    "#!/usr/bin/env bash",
    `# ${plan.title}, exported by ReuseID Console.`,
    ...plan.summary.map((line) => `# ${line.replace(/[\r\n]+/g, " ")}`),
    "# Steps: get a token, then",
    ...plan.steps.map((step, i) => `#   ${i + 1}. ${step.method} ${step.path} — ${step.name}`),
    "# Each id is read from the answer before; the last step polls until the flow ends.",
    "# It exits 0 when the new flow completed, 1 otherwise. Needs bash, curl and sed.",
    "# Run: CLIENT_SECRET=… bash this-file.sh (SIGNICAT_BASE and CLIENT_ID may be set too).",
    "set -euo pipefail",
    'SIGNICAT_BASE="${SIGNICAT_BASE:-}"',
    `[ -n "$SIGNICAT_BASE" ] || SIGNICAT_BASE=${quote(target.baseUrl)}`,
    `CLIENT_ID="\${CLIENT_ID:-}"; [ -n "$CLIENT_ID" ] || CLIENT_ID=${quote(target.clientId)}`,
    'CLIENT_SECRET="${CLIENT_SECRET:?set CLIENT_SECRET to the API client secret}"',
    "OUT=$(mktemp); trap 'rm -f \"$OUT\"' EXIT",
    "",
    "# call METHOD PATH [JSON]: the answer's body in ANSWER, its HTTP status in STATUS",
    "call() {",
    '  local args=(-s -o "$OUT" -w "%{http_code}" -X "$1" "${SIGNICAT_BASE}$2" -H "Authorization: Bearer ${TOKEN}")',
    '  if [ $# -ge 3 ]; then args+=(-H "Content-Type: application/json" --data-binary "$3"); fi',
    '  STATUS=$(curl "${args[@]}") || STATUS=000',
    '  ANSWER=$(cat "$OUT")',
    "}",
    "# field NAME: a string field of ANSWER (the names read here occur once in their answers)",
    'field() { printf \'%s\' "$ANSWER" | sed -nE "s/.*\\"$1\\":\\"([^\\"]*)\\".*/\\1/p"; }',
    'expect_status() { [ "$STATUS" = "$1" ] || { echo "$2: expected HTTP $1, got $STATUS: $ANSWER" >&2; exit 1; }; }',
    "",
    "# 0. An access token (client credentials)",
    `ANSWER=$(curl -s -X POST "\${SIGNICAT_BASE}${signicatPaths.token()}" -d grant_type=client_credentials -d scope=signicat-api \\`,
    '  --data-urlencode "client_id=${CLIENT_ID}" --data-urlencode "client_secret=${CLIENT_SECRET}")',
    "TOKEN=$(field access_token)",
    '[ -n "$TOKEN" ] || { echo "No access token: $ANSWER" >&2; exit 1; }',
    "",
    ...plan.steps.flatMap((step, i) => [...stepLines(step, i + 1, known), ""]),
  ].join("\n");
}
