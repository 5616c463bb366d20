import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { AliyunSmsSettings, HttpSmsSettings } from "@/lib/config/sms-env";
import { SMS_TEMPLATE_NAMES } from "./templates";
import {
  copiesOf,
  startFakeAliyun,
  startFakeHttpGateway,
  type FakeGateway,
} from "@/lib/testing/sms-gateways";
import { createAliyunSmsProvider } from "./aliyun-sms-provider";
import { createHttpSmsProvider } from "./http-sms-provider";
import type { OutgoingSms } from "./providers";
import { DeliveryError } from "./retry-policy";
import { createFailoverSmsProvider } from "./sms-failover";

// The adapters against fake providers on loopback that check each request's signature as the
// provider documents it (lib/testing/sms-gateways.ts). The worker and the outbox: sms-delivery.test.ts.

const KEYS = { accessKeyId: "LTAI-test-key", accessKeySecret: "test-secret-of-the-ram-user" };
const TOKEN = "gateway-token-0123456789";
const SIGNING = "s".repeat(40);
// How long a provider that took the message and never answers is waited for (elsewhere: 15 s).
const HANG_MS = 1_500;
let gateways: FakeGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  gateways = [];
});

async function fakeAliyun() {
  const gateway = await startFakeAliyun(KEYS);
  gateways.push(gateway);
  return gateway;
}
async function fakeHttp(auth: Parameters<typeof startFakeHttpGateway>[0]) {
  const gateway = await startFakeHttpGateway(auth);
  gateways.push(gateway);
  return gateway;
}

const templates = Object.fromEntries(SMS_TEMPLATE_NAMES.map((name, index) => [name, `SMS_${100 + index}`]));
const aliyunSettings = (url: string, secret = KEYS.accessKeySecret): AliyunSmsSettings => ({
  kind: "aliyun",
  endpoint: url,
  regionId: "cn-hangzhou",
  accessKeyId: KEYS.accessKeyId,
  accessKeySecret: secret,
  signName: "加急通",
  templates: { ...templates, "case.approved:en": "SMS_900" },
});
const httpSettings = (url: string, extra: Partial<HttpSmsSettings> = {}): HttpSmsSettings => ({
  kind: "http",
  url,
  token: TOKEN,
  signingSecret: SIGNING,
  idempotent: false,
  ...extra,
});

const message = (extra: Partial<OutgoingSms> = {}): OutgoingSms => ({
  notificationId: randomUUID(),
  to: "+8613800138000",
  text: "【加急通】申请 EX-1BM-YR4-ENP 已获批准 https://expedite.example/portal/applications/EX1BMYR4ENP",
  template: "case.approved",
  locale: "zh",
  params: { number: "EX-1BM-YR4-ENP" },
  ...extra,
});

describe("Alibaba Cloud SendSms", () => {
  it("sends a signed request the fake accepts: template code, parameters, OutId, the number as Alibaba wants it", async () => {
    const gateway = await fakeAliyun();
    const sms = message({ params: { number: "EX-1BM-YR4-ENP", time: "12月7日 18:30" } });
    const receipt = await createAliyunSmsProvider(aliyunSettings(gateway.url)).send(sms);
    expect(receipt).toEqual({ provider: "aliyun", providerMessageId: "biz-1" });
    expect(gateway.refusedAuth).toEqual([]);
    expect(gateway.accepted).toEqual([
      {
        id: sms.notificationId,
        to: "13800138000",
        template: templates["case.approved"],
        params: { number: "EX-1BM-YR4-ENP", time: "12月7日 18:30" },
      },
    ]);
  });

  it("uses the locale's own template code, and writes other countries' numbers without +", async () => {
    const gateway = await fakeAliyun();
    await createAliyunSmsProvider(aliyunSettings(gateway.url)).send(
      message({ locale: "en", to: "+85291234567" }),
    );
    expect(gateway.accepted[0]).toMatchObject({ template: "SMS_900", to: "85291234567" });
  });

  it("is refused by the fake when signed with the wrong secret (so the signature check can fail)", async () => {
    const gateway = await fakeAliyun();
    const provider = createAliyunSmsProvider(aliyunSettings(gateway.url, "not-the-secret"));
    await expect(provider.send(message())).rejects.toMatchObject({
      message: expect.stringContaining("SignatureDoesNotMatch"),
      permanent: false,
      uncertainProviders: [],
    });
    expect(gateway.refusedAuth).toEqual(["SignatureDoesNotMatch"]);
    expect(gateway.accepted).toEqual([]);
  });

  it("refuses a number that cannot take a text before asking Alibaba", async () => {
    const gateway = await fakeAliyun();
    await expect(
      createAliyunSmsProvider(aliyunSettings(gateway.url)).send(message({ to: "010-12345678" })),
    ).rejects.toMatchObject({ permanent: true });
    expect(gateway.requests).toBe(0);
  });
});

describe("the generic HTTP/JSON provider", () => {
  it("posts the rendered text with bearer token, HMAC signature and the notification id as idempotency key", async () => {
    const gateway = await fakeHttp({ token: TOKEN, signingSecret: SIGNING });
    const sms = message();
    expect(await createHttpSmsProvider(httpSettings(gateway.url)).send(sms)).toEqual({
      provider: "http",
      providerMessageId: "gw-1",
    });
    expect(gateway.accepted).toEqual([
      {
        id: sms.notificationId,
        to: "+8613800138000",
        template: "case.approved",
        params: sms.params,
        text: sms.text,
      },
    ]);
  });

  it("is refused by the fake with a wrong signing secret or token", async () => {
    const gateway = await fakeHttp({ token: TOKEN, signingSecret: SIGNING });
    await expect(
      createHttpSmsProvider(httpSettings(gateway.url, { signingSecret: "x".repeat(40) })).send(message()),
    ).rejects.toBeInstanceOf(DeliveryError);
    await expect(
      createHttpSmsProvider(httpSettings(gateway.url, { token: "wrong-token-0123456789" })).send(message()),
    ).rejects.toBeInstanceOf(DeliveryError);
    expect(gateway.refusedAuth).toEqual(["bad signature", "bad token"]);
    expect(gateway.accepted).toEqual([]);
  });
});

describe("failover", () => {
  it("sends through the second provider when the first refuses", async () => {
    const [first, second] = [await fakeAliyun(), await fakeHttp({ token: TOKEN, signingSecret: SIGNING })];
    first.mode = "refuse";
    const provider = createFailoverSmsProvider(
      [createAliyunSmsProvider(aliyunSettings(first.url)), createHttpSmsProvider(httpSettings(second.url))],
      { timeoutMs: 15_000 },
    );
    const sms = message();
    expect(await provider.send(sms)).toEqual({ provider: "http", providerMessageId: "gw-1" });
    expect([
      first.requests,
      copiesOf(first, sms.notificationId),
      copiesOf(second, sms.notificationId),
    ]).toEqual([1, 0, 1]);
  });

  it("sends through the second provider when the first takes the message and never answers", async () => {
    const [first, second] = [await fakeAliyun(), await fakeHttp({ token: TOKEN, signingSecret: SIGNING })];
    first.mode = "hang";
    const provider = createFailoverSmsProvider(
      [createAliyunSmsProvider(aliyunSettings(first.url)), createHttpSmsProvider(httpSettings(second.url))],
      { timeoutMs: HANG_MS },
    );
    expect(await provider.send(message())).toEqual({ provider: "http", providerMessageId: "gw-1" });
  });

  it("names a provider that timed out as one that may have it, and never tries it for a message it may have", async () => {
    const [first, second] = [await fakeAliyun(), await fakeHttp({ token: TOKEN, signingSecret: SIGNING })];
    [first.mode, second.mode] = ["hang", "fail"];
    const provider = createFailoverSmsProvider(
      [createAliyunSmsProvider(aliyunSettings(first.url)), createHttpSmsProvider(httpSettings(second.url))],
      { timeoutMs: HANG_MS },
    );
    const sms = message();
    const failure = await provider.send(sms).catch((error: unknown) => error);
    expect(failure).toMatchObject({ permanent: false, uncertainProviders: ["aliyun"] });
    first.mode = "ok";
    // The next attempt skips it: only the second provider is asked.
    await expect(provider.send({ ...sms, skipProviders: ["aliyun"] })).rejects.toMatchObject({
      uncertainProviders: [],
    });
    second.mode = "ok";
    expect(await provider.send({ ...sms, skipProviders: ["aliyun"] })).toMatchObject({ provider: "http" });
    expect([first.requests, copiesOf(first, sms.notificationId)]).toEqual([1, 1]);
  });

  it("gives up for good when every provider may already have the message", async () => {
    const gateway = await fakeAliyun();
    gateway.mode = "hang";
    const provider = createFailoverSmsProvider([createAliyunSmsProvider(aliyunSettings(gateway.url))], {
      timeoutMs: HANG_MS,
    });
    await expect(provider.send(message())).rejects.toMatchObject({
      permanent: true,
      uncertainProviders: ["aliyun"],
    });
    await expect(provider.send(message({ skipProviders: ["aliyun"] }))).rejects.toMatchObject({
      permanent: true,
    });
    expect(gateway.requests).toBe(1);
  });

  it("resends through an idempotent gateway after a timeout: the key makes it one copy", async () => {
    const gateway = await fakeHttp({ token: TOKEN, signingSecret: SIGNING, idempotent: true });
    gateway.mode = "hang";
    const provider = createFailoverSmsProvider(
      [createHttpSmsProvider(httpSettings(gateway.url, { idempotent: true }))],
      { timeoutMs: HANG_MS },
    );
    const sms = message();
    await expect(provider.send(sms)).rejects.toMatchObject({ permanent: false, uncertainProviders: [] });
    gateway.mode = "ok";
    expect(await provider.send(sms)).toMatchObject({ provider: "http" });
    expect([gateway.requests, copiesOf(gateway, sms.notificationId)]).toEqual([2, 1]);
  });

  it("tries again later (not for good) when every provider refuses for now", async () => {
    const [first, second] = [await fakeAliyun(), await fakeHttp({ token: TOKEN, signingSecret: SIGNING })];
    [first.mode, second.mode] = ["fail", "fail"];
    const provider = createFailoverSmsProvider(
      [createAliyunSmsProvider(aliyunSettings(first.url)), createHttpSmsProvider(httpSettings(second.url))],
      { timeoutMs: 15_000 },
    );
    await expect(provider.send(message())).rejects.toMatchObject({
      permanent: false,
      uncertainProviders: [],
    });
  });
});
