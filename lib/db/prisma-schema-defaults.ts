// Meaning of @default(...) for the field types lib/db/prisma-schema.ts supports. Prisma-side
// defaults such as uuid() or cuid() have no database default, so they are rejected here rather
// than compared wrongly.
import { fail, type Attribute } from "./prisma-schema-syntax";

export type FieldDefault =
  | { kind: "now" }
  | { kind: "autoincrement" }
  | { kind: "dbgenerated"; sql: string }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "enum"; value: string };

type Target = { kind: "scalar" | "enum"; type: string };

export function fieldDefault(
  attribute: Attribute,
  field: Target,
  enums: Map<string, string[]>,
  where: string,
): FieldDefault {
  const [arg, ...rest] = attribute.args;
  if (!arg || arg.name !== undefined || rest.length > 0)
    return fail(attribute.line, `@default takes one value on ${where}`);
  const value = arg.value;
  const bad = (): never => fail(attribute.line, `unsupported @default for ${field.type} on ${where}`);

  if (value.kind === "ident" && value.args) {
    if (value.name === "now" && value.args.length === 0 && field.type === "DateTime") return { kind: "now" };
    if (
      value.name === "autoincrement" &&
      value.args.length === 0 &&
      (field.type === "Int" || field.type === "BigInt")
    ) {
      return { kind: "autoincrement" };
    }
    const sql = value.args[0]?.value;
    if (
      value.name === "dbgenerated" &&
      value.args.length === 1 &&
      sql?.kind === "string" &&
      !value.args[0]?.name
    ) {
      return { kind: "dbgenerated", sql: sql.value };
    }
    return bad();
  }
  if (field.kind === "enum") {
    if (value.kind !== "ident" || !enums.get(field.type)?.includes(value.name)) return bad();
    return { kind: "enum", value: value.name };
  }
  if (value.kind === "string" && (field.type === "String" || field.type === "Json"))
    return { kind: "literal", value: value.value };
  if (
    value.kind === "number" &&
    (field.type === "Int" || field.type === "BigInt") &&
    Number.isInteger(value.value)
  ) {
    return { kind: "literal", value: value.value };
  }
  if (
    value.kind === "ident" &&
    field.type === "Boolean" &&
    (value.name === "true" || value.name === "false")
  ) {
    return { kind: "literal", value: value.name === "true" };
  }
  return bad();
}
