import type { JsonSchema } from "./openapi-types";

/** A schema's type in a few words: "string (10 digits)", "array of integer", "one of a, b". */
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") return `array of ${typeLabel(schema.items)}`;
  const limits = [
    schema.pattern ? `pattern ${schema.pattern}` : null,
    schema.minLength !== undefined ? `≥ ${schema.minLength} chars` : null,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : null,
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : null,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : null,
  ].filter(Boolean);
  return limits.length > 0 ? `${type} (${limits.join(", ")})` : type;
}

/** The fields of an object schema, nested objects indented; stops at a depth so huge schemas stay readable. */
export function SchemaFields({ schema, depth = 0 }: { schema: JsonSchema | undefined; depth?: number }) {
  const target = schema?.type === "array" ? schema.items : schema;
  const properties = Object.entries(target?.properties ?? {});
  if (properties.length === 0) return <p className="font-mono text-xs text-slate-600">{typeLabel(schema)}</p>;
  return (
    <ul className={`space-y-1 text-xs ${depth > 0 ? "ml-4 border-l border-slate-200 pl-3" : ""}`}>
      {properties.map(([name, property]) => {
        const nested = property.type === "object" || (property.type === "array" && property.items?.properties);
        return (
          <li key={name}>
            <span className="font-mono font-medium text-slate-900">{name}</span>
            {target?.required?.includes(name) ? <span className="ml-1 text-rose-700">required</span> : null}
            <span className="ml-2 break-words text-slate-600">{nested && property.properties ? "object" : typeLabel(property)}</span>
            {property.description ? <span className="ml-2 text-slate-500">— {property.description}</span> : null}
            {nested && depth < 3 ? <SchemaFields schema={property} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
