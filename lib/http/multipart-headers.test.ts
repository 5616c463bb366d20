import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { multipartBoundary, partHeaderScrubber, scrubMultipartHeaders } from "./multipart-headers";

const NUL = "\u0000";
const BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
// File content with NULs and things that look like headers: part bodies must pass untouched.
const CONTENT = `\u0089PNG\r\n\u001a\n${NUL}${NUL}\r\nContent-Disposition: x${NUL}\r\n\r\n--${BOUNDARY.slice(0, 10)}`;

function body(fileName: string) {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nID_PROOF\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n${CONTENT}\r\n` +
      `--${BOUNDARY}--\r\n`,
    "latin1",
  );
}

describe("multipartBoundary", () => {
  it("reads plain and quoted boundaries of form-data bodies only", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/json")).toBeNull();
    expect(multipartBoundary(undefined)).toBeNull();
  });
});

describe("partHeaderScrubber", () => {
  it("drops control characters from part headers, however the body is split, and leaves part bodies alone", () => {
    const expected = body("ab\tc.png");
    const input = body(`a${NUL}b\tc\u0001\u001b\u007f.png`);
    for (let split = 0; split <= input.length; split++) {
      const scrub = partHeaderScrubber(BOUNDARY);
      expect(
        Buffer.concat([scrub(input.subarray(0, split)), scrub(input.subarray(split))]).toString("latin1"),
        `split at ${split}`,
      ).toBe(expected.toString("latin1"));
    }
  });

  it("returns clean chunks as they are (no copy)", () => {
    const input = body("photo.png");
    expect(partHeaderScrubber(BOUNDARY)(input)).toBe(input);
  });
});

// The parser Next runs on Server Action uploads (next/dist/server/app-render/action-handler.js).
const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as (options: {
  headers: IncomingMessage["headers"];
  defParamCharset: string;
}) => NodeJS.WritableStream & {
  on(
    event: "file",
    listener: (name: string, stream: NodeJS.ReadableStream, info: { filename: string }) => void,
  ): void;
  on(event: "error" | "close", listener: (error?: Error) => void): void;
};

/** Posts `payload` to a server that parses it as Next does, with or without the scrubbing step. */
async function parseThroughServer(
  payload: Buffer,
  scrub: boolean,
): Promise<{ fileName: string; content: string } | { error: string }> {
  const server = createServer((request, response) => {
    if (scrub) scrubMultipartHeaders(request);
    const parser = busboy({ headers: request.headers, defParamCharset: "utf8" });
    let result: { fileName: string; content: string } | { error: string } = { error: "no file" };
    parser.on("file", (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on(
        "end",
        () => (result = { fileName: info.filename, content: Buffer.concat(chunks).toString("latin1") }),
      );
    });
    parser.on("error", (error) => response.end(JSON.stringify({ error: error?.message })));
    parser.on("close", () => response.end(JSON.stringify(result)));
    request.pipe(parser);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          host: "127.0.0.1",
          method: "POST",
          headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve(JSON.parse(text)));
        },
      );
      request.on("error", reject);
      // In small pieces, as a slow network delivers it.
      for (let offset = 0; offset < payload.length; offset += 7)
        request.write(payload.subarray(offset, offset + 7));
      request.end();
    });
  } finally {
    server.close();
  }
}

describe("scrubMultipartHeaders", () => {
  it("keeps a huge file name from making the parser refuse the part headers (busboy stops at 16 KB)", async () => {
    const payload = body(`${"n".repeat(20_000)}.png`);
    expect(await parseThroughServer(payload, false)).toEqual({ error: "Malformed part header" });
    // Cut mid-name, the part's disposition no longer parses: the part is skipped and the upload
    // action answers its own "no file" (evidence.noFile) instead of a 500.
    expect(await parseThroughServer(payload, true)).toEqual({ error: "no file" });
  });

  it("turns the parser's 'Malformed part header' on a NUL in a file name into a file with a clean name", async () => {
    const payload = body(`a${NUL}b.png`);
    expect(await parseThroughServer(payload, false)).toEqual({ error: "Malformed part header" });
    expect(await parseThroughServer(payload, true)).toEqual({ fileName: "ab.png", content: CONTENT });
  });
});
