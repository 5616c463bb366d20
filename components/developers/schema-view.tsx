import type { ReactNode } from "react";
import { Described } from "./prose";
import { anchorOf, schemaName, type Schema } from "@/lib/developers/reference-model";

export type SchemaLabels = {
  required: string;
  optional: string;
  oneOf: string;
  arrayOf: string;
  values: string;
  nullable: string;
  noProperties: string;
};

const MAX_DEPTH = 5;

/** A JSON Schema as a nested list of fields; named schemas are links to their own entry. */
export function SchemaView({
  schema,
  labels,
  depth = 0,
}: {
  schema: Schema;
  labels: SchemaLabels;
  depth?: number;
}) {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  const items = schema.items as Schema | undefined;
  const objectLike = schema.type === "object" || names.length > 0;
  return (
    <div className="text-sm">
      {!objectLike || depth === 0 ? <TypeLine schema={schema} labels={labels} /> : null}
      {names.length > 0 && depth < MAX_DEPTH ? (
        <ul className="mt-1 space-y-2 border-l-2 border-slate-200 pl-3">
          {names.map((name) => (
            <li key={name}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <code className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{name}</code>
                <TypeLine schema={properties[name]!} labels={labels} />
                <span
                  className={
                    required.has(name) ? "text-xs font-semibold text-red-700" : "text-xs text-slate-600"
                  }
                >
                  {required.has(name) ? labels.required : labels.optional}
                </span>
              </div>
              <Nested schema={properties[name]!} labels={labels} depth={depth + 1} />
            </li>
          ))}
        </ul>
      ) : null}
      {objectLike && names.length === 0 && depth === 0 ? (
        <p className="text-slate-600">{labels.noProperties}</p>
      ) : null}
      {items && !isRefSchema(items) && depth < MAX_DEPTH ? (
        <Nested schema={items} labels={labels} depth={depth + 1} />
      ) : null}
    </div>
  );
}

/** A property's description and its own fields (objects, arrays of objects, alternatives). */
function Nested({ schema, labels, depth }: { schema: Schema; labels: SchemaLabels; depth: number }) {
  const description = schema.description as string | undefined;
  const alternatives = ((schema.anyOf ?? schema.oneOf ?? []) as Schema[]).filter(
    (option) => option.type !== "null",
  );
  const inner =
    alternatives.length === 1
      ? alternatives[0]!
      : schema.type === "array"
        ? (schema.items as Schema | undefined)
        : schema;
  const hasFields =
    inner && !isRefSchema(inner) && Object.keys((inner.properties ?? {}) as object).length > 0;
  return (
    <>
      {description ? (
        <p className="mt-0.5 text-slate-600">
          <Described text={description} />
        </p>
      ) : null}
      {hasFields && depth < MAX_DEPTH ? <SchemaView schema={inner} labels={labels} depth={depth} /> : null}
    </>
  );
}

function TypeLine({ schema, labels }: { schema: Schema; labels: SchemaLabels }) {
  return (
    <span className="font-mono text-xs text-slate-700 [overflow-wrap:anywhere]">
      {typeOf(schema, labels)}
    </span>
  );
}

function isRefSchema(schema: Schema): schema is Schema & { $ref: string } {
  return typeof schema.$ref === "string";
}

function typeOf(schema: Schema, labels: SchemaLabels): ReactNode {
  if (isRefSchema(schema)) {
    const name = schemaName(schema.$ref);
    return name ? (
      <a href={`#${anchorOf("schema", name)}`} className="font-semibold text-brand-700 underline">
        {name}
      </a>
    ) : (
      schema.$ref
    );
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) {
    const nonNull = alternatives.filter((option) => option.type !== "null");
    const nullable = nonNull.length < alternatives.length;
    const parts: ReactNode[] = nonNull.map((option, index) => (
      <span key={index}>
        {index > 0 ? " | " : ""}
        {typeOf(option, labels)}
      </span>
    ));
    return (
      <>
        {nonNull.length > 1 ? `${labels.oneOf} ` : null}
        {parts}
        {nullable ? ` · ${labels.nullable}` : null}
      </>
    );
  }
  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : schema.type
      ? [String(schema.type)]
      : [];
  const base = types.filter((type) => type !== "null");
  const nullable = base.length < types.length;
  let text: ReactNode = base.join(" | ") || "any";
  if (base[0] === "array" && schema.items)
    text = (
      <>
        {labels.arrayOf} {typeOf(schema.items as Schema, labels)}
      </>
    );
  const details = [
    schema.format ? String(schema.format) : null,
    typeof schema.minLength === "number" || typeof schema.maxLength === "number"
      ? `${schema.minLength ?? 0}–${schema.maxLength ?? "∞"}`
      : null,
    typeof schema.minimum === "number" &&
    typeof schema.maximum === "number" &&
    (schema.maximum as number) < 1e15
      ? `${schema.minimum}–${schema.maximum}`
      : null,
  ].filter(Boolean);
  const values = (schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined)) as
    unknown[] | undefined;
  return (
    <>
      {text}
      {details.length > 0 ? ` (${details.join(", ")})` : null}
      {nullable ? ` · ${labels.nullable}` : null}
      {values ? ` · ${labels.values}: ${values.map((value) => JSON.stringify(value)).join(", ")}` : null}
    </>
  );
}
