import Link from "next/link";
import { headers } from "next/headers";
import { OperationList } from "@/components/api-reference/operation-list";
import type { OpenApiDocument } from "@/components/api-reference/openapi-types";
import { Card, PageHeader } from "@/components/ui/card";
import { CONSOLE_OPERATIONS } from "@/app/api/openapi.json/catalog";
import { requireStaff } from "@/lib/auth/session";
import { API_NAMES, DOCUMENT_PATHS, openApiDocument, type ApiName } from "@/lib/emulator/openapi/document";
import { consoleOpenApiDocument } from "@/lib/http/console-openapi";

export const metadata = { title: "API reference" };

const LABELS: Record<"console" | ApiName, string> = {
  console: "Console API",
  reuseid: "ReuseID",
  mobileid: "MobileID",
  assure: "Assure",
  auth: "Authentication",
  emulator: "Emulator control",
};

type Choice = keyof typeof LABELS;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function requestOrigin(): Promise<string> {
  const h = await headers();
  const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;
  return `${first(h.get("x-forwarded-proto")) ?? "http"}://${first(h.get("x-forwarded-host")) ?? h.get("host") ?? "localhost"}`;
}

/** The console's own API and the emulator's, rendered from the same OpenAPI documents the console serves. */
export default async function ApiReferencePage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const asked = (await searchParams).doc;
  const choice: Choice = typeof asked === "string" && asked in LABELS ? (asked as Choice) : "console";
  const origin = await requestOrigin();
  const doc = (choice === "console" ? consoleOpenApiDocument(CONSOLE_OPERATIONS, origin) : openApiDocument(choice, origin)) as OpenApiDocument;
  const url = choice === "console" ? `${origin}/api/openapi.json` : `${origin}/emulator${DOCUMENT_PATHS[choice]}`;
  return (
    <>
      <PageHeader
        title="API reference"
        description="Generated from the schemas the code validates with, so it cannot drift. Paste a document's URL into Postman's Import to get a collection; the emulator's documents need no sign-in."
      />
      <nav aria-label="API documents" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
        {(["console", ...API_NAMES] as Choice[]).map((name) => (
          <Link
            key={name}
            href={`/api-reference?doc=${name}`}
            aria-current={name === choice ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${name === choice ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {LABELS[name]}
          </Link>
        ))}
      </nav>
      <div className="space-y-6">
        <Card title={doc.info.title}>
          {doc.info.description ? <p className="whitespace-pre-line text-sm text-slate-700">{doc.info.description}</p> : null}
          <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Document</dt>
            <dd className="min-w-0 break-all">
              <a href={url} className="font-mono text-indigo-700 hover:underline">
                {url}
              </a>
            </dd>
            <dt className="text-slate-500">Server</dt>
            <dd className="min-w-0 break-all font-mono">{doc.servers?.[0]?.url}</dd>
          </dl>
        </Card>
        <OperationList doc={doc} />
      </div>
    </>
  );
}
