import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Calling Server Actions over HTTP the way the browser does (Next's fetch-action protocol): a POST
 * to the page with a `Next-Action: <id>` header and the arguments encoded by React's encodeReply —
 * a FormData argument's fields as `_1_<name>`, then the argument list as JSON in field `0` with
 * "$K1" standing for that FormData. action-body.test.ts checks this against encodeReply itself.
 */

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** The id the build gave `exportedName` of `filename` (.next/server/server-reference-manifest.json). */
export function findActionId(manifest: Manifest, filename: string, exportedName: string): string {
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.filename === filename && action.exportedName === exportedName,
  );
  if (!entry) throw new Error(`No Server Action ${exportedName} from ${filename} in the build's manifest`);
  return entry[0];
}

export function readActionManifest(nextDir = ".next"): Manifest {
  return JSON.parse(
    readFileSync(path.join(nextDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
}

export type FilePart = { filename: string; contentType: string; bytes: Buffer };
export type Field = [name: string, value: string | FilePart];

/** multipart/form-data, as a browser's FormData would send it. */
export function multipart(
  fields: readonly Field[],
  boundary = `----bench${randomBytes(12).toString("hex")}`,
) {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    const disposition = `Content-Disposition: form-data; name="${name}"`;
    if (typeof value === "string") {
      parts.push(Buffer.from(`--${boundary}\r\n${disposition}\r\n\r\n${value}\r\n`));
    } else {
      parts.push(
        Buffer.from(
          `--${boundary}\r\n${disposition}; filename="${value.filename}"\r\nContent-Type: ${value.contentType}\r\n\r\n`,
        ),
      );
      parts.push(value.bytes, Buffer.from("\r\n"));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The body of `action(formData)` (withState false) or `action(previousState, formData)` with a
 * null previous state (withState true, the useActionState shape).
 */
export function actionBody(formFields: readonly Field[], options: { withState: boolean }) {
  const fields: Field[] = formFields.map(([name, value]) => [`_1_${name}`, value]);
  fields.push(["0", options.withState ? '[null,"$K1"]' : '["$K1"]']);
  return multipart(fields);
}

/** Headers of a Server Action call to a page of `origin`. */
export function actionHeaders(options: {
  actionId: string;
  origin: string;
  cookie: string;
  contentType: string;
}) {
  return {
    "Next-Action": options.actionId,
    Accept: "text/x-component",
    Origin: options.origin,
    Cookie: options.cookie,
    "Content-Type": options.contentType,
  };
}

/** A small, valid-looking PDF; `marker` makes its bytes (and SHA-256) unique per upload. */
export function smallPdf(marker: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n%bench ${marker}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n` +
      `trailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}
