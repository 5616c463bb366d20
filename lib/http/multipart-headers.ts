import type { IncomingMessage } from "node:http";

// Next parses Server Action uploads with busboy before any of our code runs, and busboy refuses a
// part header holding a control character ("Malformed part header"): a NUL in an upload's file
// name was a bare 500. The server in front of Next (scripts/server.ts) drops those bytes from the
// part headers as the body streams in, so the file arrives with a clean name (the same cleaning
// sanitizeFileName does when it is stored). Part bodies pass through untouched.

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
/**
 * busboy also refuses a part's headers past 16 KB. Past this many bytes the rest of a part's header
 * block is dropped (line breaks kept): a huge file name arrives cut, or the part is skipped.
 */
export const MAX_PART_HEADER_BYTES = 8 * 1024;

/** The boundary of a multipart/form-data body, or null for any other body. */
export function multipartBoundary(contentType: string | undefined): string | null {
  const match = /^\s*multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(
    contentType ?? "",
  );
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** KMP failure table, so a delimiter split over chunks or preceded by a near-match is still found. */
function failureTable(pattern: Buffer): Int32Array {
  const table = new Int32Array(pattern.length);
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = table[k - 1]!;
    if (pattern[i] === pattern[k]) k++;
    table[i] = k;
  }
  return table;
}

type State = "body" | "boundaryLine" | "headers";

/**
 * A function to feed the body's chunks through in order: it returns each chunk with control
 * characters (other than CR, LF and tab) removed from every part's headers, and those headers cut
 * at MAX_PART_HEADER_BYTES.
 */
export function partHeaderScrubber(boundary: string): (chunk: Buffer) => Buffer {
  const delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
  const table = failureTable(delimiter);
  // The first delimiter has no CRLF before it: start as if one had just been read.
  let matched = 2;
  let state: State = "body";
  let lineEnd = 0; // CR LF seen at the end of the boundary line
  let headerEnd = 0; // of CR LF CR LF closing the part's headers
  let headerBytes = 0;

  return (chunk) => {
    let out: Buffer | null = null; // allocated only when a byte is dropped
    let written = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      let keep = true;
      if (state === "body") {
        while (matched > 0 && byte !== delimiter[matched]) matched = table[matched - 1]!;
        if (byte === delimiter[matched]) matched++;
        if (matched === delimiter.length) {
          matched = 0;
          state = "boundaryLine";
          lineEnd = 0;
        }
      } else if (state === "boundaryLine") {
        lineEnd = byte === CR ? 1 : byte === LF && lineEnd === 1 ? 2 : 0;
        if (lineEnd === 2) {
          state = "headers";
          headerEnd = 2;
          headerBytes = 0;
        }
      } else {
        if (byte === CR) headerEnd = headerEnd === 2 ? 3 : 1;
        else if (byte === LF) headerEnd = headerEnd === 1 || headerEnd === 3 ? headerEnd + 1 : 0;
        else if (byte < 0x20 ? byte !== TAB : byte === 0x7f) keep = false;
        else if (++headerBytes > MAX_PART_HEADER_BYTES) keep = false;
        else headerEnd = 0;
        if (headerEnd === 4) {
          state = "body";
          matched = 0;
        }
      }
      if (!keep && !out) {
        out = Buffer.allocUnsafe(chunk.length);
        chunk.copy(out, 0, 0, i);
        written = i;
      } else if (keep && out) out[written++] = byte;
    }
    return out ? out.subarray(0, written) : chunk;
  };
}

/**
 * Cleans the part headers of a multipart request body before Next reads it. The HTTP parser hands
 * the body to the request by calling its push(); wrapping that one method leaves everything else
 * about the request (headers, socket, back-pressure) as Node made it.
 */
export function scrubMultipartHeaders(request: IncomingMessage): void {
  const boundary = multipartBoundary(request.headers["content-type"]);
  if (!boundary) return;
  const scrub = partHeaderScrubber(boundary);
  const push = request.push.bind(request);
  request.push = (chunk: unknown, encoding?: BufferEncoding) =>
    push(Buffer.isBuffer(chunk) ? scrub(chunk) : chunk, encoding);
}
