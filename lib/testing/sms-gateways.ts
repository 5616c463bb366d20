// Fake SMS providers on loopback for the tests (decision 033): an Alibaba Cloud SendSms endpoint
// that checks the RPC signature as Alibaba's documentation defines it, written here on its own
// (not with lib/notifications/aliyun-signature.ts, so a mistake there cannot agree with itself),
// and a generic HTTP/JSON gateway that checks the bearer token or the HMAC signature. Both can be
// told to refuse, to fail, or to take a message and never answer (the timeout that may double-send).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** ok: accept; hang: accept, then never answer; refuse/fail: answer an error without accepting. */
export type GatewayMode = "ok" | "hang" | "refuse" | "fail";

export type AcceptedSms = {
  id: string;
  to: string;
  template: string;
  params: Record<string, string>;
  text?: string;
};

export type FakeGateway = {
  url: string;
  mode: GatewayMode;
  /** Every request that reached it, signed correctly or not. */
  requests: number;
  /** What it accepted (would have reached a phone): one entry per copy. */
  accepted: AcceptedSms[];
  /** Requests refused for a bad signature, token or replayed nonce. */
  refusedAuth: string[];
  /** Resolves once `count` requests have arrived (no sleeping in tests). */
  received(count: number): Promise<void>;
  close(): Promise<void>;
};

function newGateway(): FakeGateway & { arrived(): void } {
  const waiting: { count: number; resolve: () => void }[] = [];
  const gateway = {
    url: "",
    mode: "ok" as GatewayMode,
    requests: 0,
    accepted: [] as AcceptedSms[],
    refusedAuth: [] as string[],
    received(count: number) {
      if (gateway.requests >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push({ count, resolve }));
    },
    arrived() {
      gateway.requests += 1;
      for (const waiter of waiting.filter((w) => w.count <= gateway.requests)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    close: async () => {},
  };
  return gateway;
}

async function listen(
  handle: (request: IncomingMessage, body: string, response: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => handle(request, Buffer.concat(chunks).toString("utf8"), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** The documented rule, byte by byte: only A–Z a–z 0–9 - _ . ~ stay literal, all else %XY. */
function documentedEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Alibaba Cloud Dysmsapi SendSms, POST form body, RPC signature v1.0 (HMAC-SHA1, key = secret + "&"). */
export async function startFakeAliyun(keys: {
  accessKeyId: string;
  accessKeySecret: string;
}): Promise<FakeGateway> {
  const seenNonces = new Set<string>();
  const gateway = newGateway();
  const started = await listen((request, body, response) => {
    gateway.arrived();
    const params = Object.fromEntries(new URLSearchParams(body));
    const { Signature: signature, ...signed } = params;
    const canonical = Object.keys(signed)
      .sort()
      .map((key) => `${documentedEncode(key)}=${documentedEncode(signed[key]!)}`)
      .join("&");
    const stringToSign = `${request.method}&${documentedEncode("/")}&${documentedEncode(canonical)}`;
    const expected = createHmac("sha1", `${keys.accessKeySecret}&`).update(stringToSign).digest("base64");
    const problem =
      signed.AccessKeyId !== keys.accessKeyId
        ? "InvalidAccessKeyId.NotFound"
        : signed.SignatureMethod !== "HMAC-SHA1" || signed.SignatureVersion !== "1.0"
          ? "InvalidParameter"
          : signature !== expected
            ? "SignatureDoesNotMatch"
            : !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(signed.Timestamp ?? "")
              ? "InvalidTimeStamp.Format"
              : seenNonces.has(signed.SignatureNonce ?? "")
                ? "SignatureNonceUsed"
                : null;
    if (problem) {
      gateway.refusedAuth.push(problem);
      return json(response, 400, { Code: problem, Message: problem, RequestId: randomUUID() });
    }
    seenNonces.add(signed.SignatureNonce!);
    if (signed.Action !== "SendSms" || signed.Version !== "2017-05-25")
      return json(response, 400, { Code: "InvalidAction", Message: "unknown action" });
    if (gateway.mode === "refuse")
      return json(response, 200, { Code: "isv.AMOUNT_NOT_ENOUGH", Message: "account balance" });
    if (gateway.mode === "fail") return json(response, 503, { Code: "ServiceUnavailable", Message: "busy" });
    gateway.accepted.push({
      id: signed.OutId ?? "",
      to: signed.PhoneNumbers ?? "",
      template: signed.TemplateCode ?? "",
      params: JSON.parse(signed.TemplateParam ?? "{}") as Record<string, string>,
    });
    if (gateway.mode === "hang") return; // taken, and the answer never comes
    json(response, 200, {
      Code: "OK",
      Message: "OK",
      BizId: `biz-${gateway.accepted.length}`,
      RequestId: randomUUID(),
    });
  });
  gateway.url = started.url;
  gateway.close = started.close;
  return gateway;
}

/**
 * The generic HTTP/JSON gateway. With `idempotent`, a second request with an Idempotency-Key it has
 * accepted answers 409 and sends nothing (what SMS_HTTP_IDEMPOTENT=true promises).
 */
export async function startFakeHttpGateway(auth: {
  token?: string;
  signingSecret?: string;
  idempotent?: boolean;
}): Promise<FakeGateway> {
  const keys = new Set<string>();
  const gateway = newGateway();
  const started = await listen((request, body, response) => {
    gateway.arrived();
    const problem = authProblem(request, body, auth);
    if (problem) {
      gateway.refusedAuth.push(problem);
      return json(response, 401, { error: problem });
    }
    const key = String(request.headers["idempotency-key"] ?? "");
    if (auth.idempotent && keys.has(key)) return json(response, 409, { error: "already accepted" });
    if (gateway.mode === "refuse") return json(response, 422, { error: "refused" });
    if (gateway.mode === "fail") return json(response, 503, { error: "busy" });
    const message = JSON.parse(body) as {
      id: string;
      to: string;
      template: string;
      params: Record<string, string>;
      text: string;
    };
    keys.add(key);
    gateway.accepted.push({
      id: message.id,
      to: message.to,
      template: message.template,
      params: message.params,
      text: message.text,
    });
    if (gateway.mode === "hang") return;
    json(response, 202, { id: `gw-${gateway.accepted.length}` });
  });
  gateway.url = started.url;
  gateway.close = started.close;
  return gateway;
}

function authProblem(
  request: IncomingMessage,
  body: string,
  auth: { token?: string; signingSecret?: string },
): string | null {
  if (auth.token && request.headers.authorization !== `Bearer ${auth.token}`) return "bad token";
  if (auth.signingSecret) {
    const header = String(request.headers["x-expedite-signature"] ?? "");
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    if (!match) return "no signature";
    const expected = createHmac("sha256", auth.signingSecret).update(`${match[1]}.${body}`).digest();
    const given = Buffer.from(match[2]!, "hex");
    if (!timingSafeEqual(expected, given)) return "bad signature";
  }
  return null;
}

/** How many copies of one notification the gateway accepted. */
export function copiesOf(gateway: FakeGateway, notificationId: string): number {
  return gateway.accepted.filter((message) => message.id === notificationId).length;
}
