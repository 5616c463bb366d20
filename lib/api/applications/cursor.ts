import { ApiProblem } from "@/lib/api/problem";

// The list's cursor: the last row's (updated_at, id), base64url so clients treat it as opaque.
// Not signed: it only says where to continue, and the where clause still limits what is visible.

export type Cursor = { updatedAt: Date; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.updatedAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const [time, id, ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(time ?? "");
  if (
    rest.length > 0 ||
    !id ||
    !UUID.test(id) ||
    Number.isNaN(updatedAt.getTime()) ||
    updatedAt.toISOString() !== time
  )
    throw new ApiProblem("invalid_request", { detailKey: "cursorInvalid" });
  return { updatedAt, id };
}
