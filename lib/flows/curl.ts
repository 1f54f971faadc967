// Turns a recorded API exchange back into a command a person can run: one curl per request
// (the whole flow as a script is a replay, lib/flows/replay). Secrets never appear: the base URL,
// client id, client secret and token become shell variables the reader fills in.
import { signicatPaths } from "@/lib/signicat/routes";

export type RecordedExchange = { method: string; url: string; requestBody: string | null; status: number | null; createdAt: string };

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The path and query after the environment's base URL (`/emulator` or none). */
export function relativePath(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/^\/emulator(?=\/)/, "");
    const params = new URLSearchParams(u.search);
    const accountId = params.get("signicat-accountid");
    if (accountId) params.set("signicat-accountid", "ACCOUNT_ID");
    const search = params.toString().replace("ACCOUNT_ID", "${ACCOUNT_ID}");
    return path + (search ? `?${search}` : "");
  } catch {
    return url;
  }
}

const isTokenRequest = (x: RecordedExchange) => relativePath(x.url).startsWith(signicatPaths.token());

/** The request URL for the shell: the variables expanded, every recorded character taken literally. */
function shellUrl(x: RecordedExchange): string {
  const pieces = relativePath(x.url)
    .split("${ACCOUNT_ID}")
    .map((piece) => (piece ? quote(piece) : ""));
  return `"\${SIGNICAT_BASE}"${pieces.join('"${ACCOUNT_ID}"')}`;
}

export function curlFor(x: RecordedExchange): string {
  const url = shellUrl(x);
  if (isTokenRequest(x)) {
    return [
      `curl -s -X POST ${url}`,
      `  -d grant_type=client_credentials -d scope=signicat-api`,
      `  --data-urlencode "client_id=\${CLIENT_ID}" --data-urlencode "client_secret=\${CLIENT_SECRET}"`,
    ].join(" \\\n");
  }
  const lines = [`curl -s -X ${x.method} ${url}`, `  -H "Authorization: Bearer \${TOKEN}"`];
  if (x.requestBody) {
    let body = x.requestBody;
    try {
      body = JSON.stringify(JSON.parse(x.requestBody));
    } catch {
      // not JSON: send as recorded
    }
    lines.push(`  -H 'Content-Type: application/json'`, `  -d ${quote(body)}`);
  }
  return lines.join(" \\\n");
}
