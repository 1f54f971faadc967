/**
 * A failed parse as the field messages a form shows: the first message per field, keyed by its
 * dotted path ("_" for the whole input). Without zod at runtime, so a form page can show them
 * without zod in its first load (the schema itself loads when the form is first used).
 */
export type ParseIssues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

export function fieldErrors(error: ParseIssues): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
