/**
 * What onboarding and step-up requests share (contract section 3): the provider and its options
 * in the three body shapes Signicat accepts (quick-start `input.eidProviderOptions`, 2024
 * `eidProviderOptions`, current `provider` + `videoidProviderOptions`), read as one meaning.
 */
import { z } from "zod";

export const providerOptions = z.object({
  docType: z.int("must be an integer").optional(),
  docTypes: z.array(z.int("must be an integer")).optional(),
  defaultId: z.int("must be an integer").optional(),
});

export const provider = z.enum(["videoid", "readid", "signicatvideoid"], "must be one of videoid, readid, signicatvideoid");

export type ProviderOptions = z.output<typeof providerOptions>;

/** The fields every shape may carry; `input` is the quick-start wrapper. */
export type ShapedBody = {
  provider?: z.output<typeof provider>;
  input?: { provider?: z.output<typeof provider>; eidProviderOptions?: ProviderOptions };
  eidProviderOptions?: ProviderOptions;
  videoidProviderOptions?: ProviderOptions;
};

export type FlowOptions = { provider: "videoid" | "readid"; docTypes: number[]; defaultId: number | null };

export function chosenOptions(body: ShapedBody): [string[], ProviderOptions | undefined] {
  if (body.videoidProviderOptions) return [["videoidProviderOptions"], body.videoidProviderOptions];
  if (body.eidProviderOptions) return [["eidProviderOptions"], body.eidProviderOptions];
  if (body.input?.eidProviderOptions) return [["input", "eidProviderOptions"], body.input.eidProviderOptions];
  return [[], undefined];
}

function allowedDocTypes(options: ProviderOptions): number[] {
  const list = [...(options.docTypes ?? [])];
  if (list.length > 0 && options.docType !== undefined && !list.includes(options.docType)) list.push(options.docType);
  if (list.length === 0 && options.docType !== undefined) list.push(options.docType);
  return [...new Set(list)];
}

/** A zod refinement: `defaultId` (or `docType`) must be one of `docTypes`, reported at its own path. */
export function checkDefaultId(body: ShapedBody, ctx: z.RefinementCtx): void {
  const [path, options] = chosenOptions(body);
  if (!options) return;
  const docTypes = allowedDocTypes(options);
  const defaultId = options.defaultId ?? options.docType;
  if (defaultId !== undefined && docTypes.length > 0 && !docTypes.includes(defaultId)) {
    ctx.addIssue({ code: "custom", path: [...path, options.defaultId !== undefined ? "defaultId" : "docType"], message: `must be one of docTypes (${docTypes.join(", ")})` });
  }
}

/** One meaning for the three shapes: an empty docTypes list means "every known document". */
export function flowOptions(body: ShapedBody): FlowOptions {
  const [, options] = chosenOptions(body);
  const chosen = body.provider ?? body.input?.provider ?? "videoid";
  return {
    provider: chosen === "readid" ? "readid" : "videoid",
    docTypes: options ? allowedDocTypes(options) : [],
    defaultId: options?.defaultId ?? options?.docType ?? null,
  };
}
