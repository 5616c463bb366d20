// A real SMTP server on localhost for the integration tests: collects what it accepts and decodes
// just enough MIME (nodemailer's output) to read subject, text and HTML.
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
};

export type SmtpSink = { port: number; url: string; messages: ReceivedMail[]; close: () => Promise<void> };

/** Reply code for a recipient the test wants refused (550 permanent, 451 "try later"), or null. */
type Refusal = (address: string) => 550 | 451 | null;

export async function startSmtpSink(
  options: { port?: number; refuse?: Refusal; onMessage?: (mail: ReceivedMail) => void } = {},
): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.(address.address) ?? null;
      if (code === null) return callback();
      callback(
        Object.assign(new Error(code === 550 ? "Mailbox unavailable" : "Try again later"), {
          responseCode: code,
        }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = parseMail(
          Buffer.concat(chunks).toString("utf8"),
          session.envelope.rcptTo.map((rcpt) => rcpt.address),
        );
        messages.push(mail);
        options.onMessage?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (a server was there a moment ago): "the SMTP server is down". */
export async function closedPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
  const at = raw.indexOf("\r\n\r\n");
  const head = at === -1 ? raw : raw.slice(0, at);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at === -1 ? "" : raw.slice(at + 4) };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body);
  return part.body;
}

function decodeQuotedPrintable(value: string): string {
  const latin1 = value
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin1, "latin1").toString("utf8");
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), as in a Chinese subject. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_match, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function collect(part: Part, into: { text: string; html: string }) {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const pieces = part.body.split(`--${boundary}`).slice(1);
    for (const piece of pieces)
      if (!piece.startsWith("--")) collect(splitPart(piece.replace(/^\r\n/, "")), into);
  } else if (type.toLowerCase().startsWith("text/html")) {
    into.html += decodeBody(part);
  } else if (type.toLowerCase().startsWith("text/plain")) {
    into.text += decodeBody(part);
  }
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const top = splitPart(raw);
  const bodies = { text: "", html: "" };
  collect(top, bodies);
  return {
    messageId: top.headers.get("message-id") ?? "",
    to,
    subject: decodeWords(top.headers.get("subject") ?? ""),
    ...bodies,
    raw,
  };
}
