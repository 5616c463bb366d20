import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AliyunSmsSettings } from "@/lib/config/sms-env";
import { db } from "@/lib/db";
import {
  startFakeAliyun,
  startFakeHttpGateway,
  copiesOf,
  type FakeGateway,
} from "@/lib/testing/sms-gateways";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { createAliyunSmsProvider } from "./aliyun-sms-provider";
import { devMailboxEmailProvider, devMailboxSmsProvider } from "./dev-mailbox";
import { createHttpSmsProvider } from "./http-sms-provider";
import type { Providers } from "./providers";
import { retryDelayMs } from "./retry-policy";
import { createFailoverSmsProvider } from "./sms-failover";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { lockCase, queueApplicantNotice } from "@/lib/workflow/shared-mutations";
import { SMS_TEMPLATE_NAMES, TEMPLATE_NAMES, TEMPLATES } from "./templates";
import { LEASE_MS, runOutboxOnce, type WorkerLog } from "./worker";

// SMS through the real outbox and worker against fake providers on loopback (decision 033):
// which provider accepted each message and under which id, failover, retries, and never a
// second copy through a provider that may already have the message.

withTestDatabase();

const KEYS = { accessKeyId: "LTAI-test-key", accessKeySecret: "test-secret-of-the-ram-user" };
const TOKEN = "gateway-token-0123456789";
const SETTINGS = { appUrl: "https://expedite.example", from: "Expedite <no-reply@expedite.test>" };
const T0 = new Date("2026-12-07T10:00:00Z");
const quiet: WorkerLog = () => {};
// How long a provider that took the message and never answers is waited for. Generous enough for a
// loaded machine's slowest real answer; everywhere else the timeout is 15 s.
const HANG_MS = 1_500;
let gateways: FakeGateway[] = [];

beforeEach(async () => {
  await db.notification.deleteMany();
  await db.devMail.deleteMany();
});
afterEach(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  gateways = [];
});

async function fakes() {
  const aliyun = await startFakeAliyun(KEYS);
  const http = await startFakeHttpGateway({ token: TOKEN });
  gateways.push(aliyun, http);
  return { aliyun, http };
}

const aliyunSettings = (url: string): AliyunSmsSettings => ({
  kind: "aliyun",
  endpoint: url,
  regionId: "cn-hangzhou",
  ...KEYS,
  signName: "加急通",
  templates: Object.fromEntries(SMS_TEMPLATE_NAMES.map((name) => [name, "SMS_1"])),
});

function providers(chain: { aliyun?: FakeGateway; http?: FakeGateway }, timeoutMs = 15_000): Providers {
  return {
    email: devMailboxEmailProvider,
    sms: createFailoverSmsProvider(
      [
        ...(chain.aliyun ? [createAliyunSmsProvider(aliyunSettings(chain.aliyun.url))] : []),
        ...(chain.http
          ? [createHttpSmsProvider({ kind: "http", url: chain.http.url, token: TOKEN, idempotent: false })]
          : []),
      ],
      { timeoutMs },
    ),
  };
}

const run = (with_: Providers, now: Date) =>
  runOutboxOnce({ providers: with_, settings: SETTINGS, log: quiet, now });

async function queuedSms() {
  return db.notification.create({
    data: {
      channel: "SMS",
      template: "case.approved",
      locale: "zh",
      payload: { number: "EX1BMYR4ENP" },
      toAddress: "+8613800138000",
      nextAttemptAt: T0,
      createdAt: T0,
    },
    select: { id: true },
  });
}

const state = (id: string) =>
  db.notification.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      attempts: true,
      provider: true,
      providerMessageId: true,
      uncertainProviders: true,
    },
  });

describe("SMS delivery through the outbox", () => {
  it("records which provider accepted a message and its message id", async () => {
    const { aliyun, http } = await fakes();
    const { id } = await queuedSms();
    expect(await run(providers({ aliyun, http }), T0)).toMatchObject({ sent: 1 });
    expect(await state(id)).toMatchObject({ status: "SENT", provider: "aliyun", providerMessageId: "biz-1" });
    expect(aliyun.accepted).toEqual([
      { id, to: "13800138000", template: "SMS_1", params: { number: "EX-1BM-YR4-ENP" } },
    ]);
    expect(http.requests).toBe(0);
  });

  it("fails over to the second provider when the first refuses or times out", async () => {
    const { aliyun, http } = await fakes();
    aliyun.mode = "refuse";
    const refused = await queuedSms();
    await run(providers({ aliyun, http }), T0);
    expect(await state(refused.id)).toMatchObject({
      status: "SENT",
      provider: "http",
      providerMessageId: "gw-1",
    });

    aliyun.mode = "hang";
    const timedOut = await queuedSms();
    await run(providers({ aliyun, http }, HANG_MS), T0);
    expect(await state(timedOut.id)).toMatchObject({
      status: "SENT",
      provider: "http",
      providerMessageId: "gw-2",
    });
    expect(copiesOf(http, timedOut.id)).toBe(1);
  });

  it("retries later when every provider refuses for now, and sends once when one recovers", async () => {
    const { aliyun, http } = await fakes();
    [aliyun.mode, http.mode] = ["fail", "fail"];
    const { id } = await queuedSms();
    expect(await run(providers({ aliyun, http }), T0)).toMatchObject({ retrying: 1 });
    expect(await state(id)).toMatchObject({ status: "PENDING", attempts: 1, uncertainProviders: [] });
    // Not before its time.
    expect(await run(providers({ aliyun, http }), new Date(T0.getTime() + 1_000))).toMatchObject({
      claimed: 0,
    });
    aliyun.mode = "ok";
    await run(providers({ aliyun, http }), new Date(T0.getTime() + retryDelayMs(1)));
    expect(await state(id)).toMatchObject({ status: "SENT", attempts: 2, provider: "aliyun" });
    expect([copiesOf(aliyun, id), copiesOf(http, id)]).toEqual([1, 0]);
  });

  it("never sends again through a provider that took the message without answering", async () => {
    const { aliyun, http } = await fakes();
    [aliyun.mode, http.mode] = ["hang", "fail"];
    const { id } = await queuedSms();
    await run(providers({ aliyun, http }, HANG_MS), T0);
    expect(await state(id)).toMatchObject({ status: "PENDING", uncertainProviders: ["aliyun"] });
    // Alibaba answers again, the gateway does not yet: the message waits rather than go to Alibaba twice.
    aliyun.mode = "ok";
    await run(providers({ aliyun, http }), new Date(T0.getTime() + retryDelayMs(1)));
    expect(await state(id)).toMatchObject({ status: "PENDING", attempts: 2 });
    http.mode = "ok";
    await run(providers({ aliyun, http }), new Date(T0.getTime() + retryDelayMs(1) + retryDelayMs(2)));
    expect(await state(id)).toMatchObject({ status: "SENT", provider: "http" });
    expect([aliyun.requests, copiesOf(aliyun, id)]).toEqual([1, 1]);
  });

  it("gives a message up, unsent again, when its only provider may have it", async () => {
    const { aliyun } = await fakes();
    aliyun.mode = "hang";
    const { id } = await queuedSms();
    expect(await run(providers({ aliyun }, HANG_MS), T0)).toMatchObject({ failed: 1 });
    aliyun.mode = "ok";
    for (const minutes of [1, 30, 600])
      await run(providers({ aliyun }), new Date(T0.getTime() + minutes * 60_000));
    expect(await state(id)).toMatchObject({ status: "FAILED", uncertainProviders: ["aliyun"] });
    expect(copiesOf(aliyun, id)).toBe(1);
    const { lastError } = await db.notification.findUniqueOrThrow({
      where: { id },
      select: { lastError: true },
    });
    expect(lastError).toContain("may have been accepted");
  });

  it("skips the provider a dead worker was talking to when another worker takes the message over", async () => {
    const { aliyun, http } = await fakes();
    aliyun.mode = "hang";
    const { id } = await queuedSms();
    // The first worker sends and hangs for longer than the lease (it died, as far as anyone can tell).
    const dying = run(providers({ aliyun, http }, 3_600_000), T0);
    await aliyun.received(1);
    await run(providers({ aliyun, http }), new Date(T0.getTime() + LEASE_MS + 1));
    expect(await state(id)).toMatchObject({ status: "SENT", provider: "http", attempts: 2 });
    await aliyun.close();
    await dying;
    // The first worker's late outcome changes nothing.
    expect(await state(id)).toMatchObject({ status: "SENT", provider: "http" });
    expect([copiesOf(aliyun, id), copiesOf(http, id)]).toEqual([1, 1]);
  });

  it("records the dev mailbox as the provider when none is configured", async () => {
    const { id } = await queuedSms();
    await run({ email: devMailboxEmailProvider, sms: devMailboxSmsProvider }, T0);
    expect(await state(id)).toMatchObject({
      status: "SENT",
      provider: "dev-mailbox",
      providerMessageId: null,
    });
    expect(await db.devMail.count({ where: { notificationId: id, channel: "SMS" } })).toBe(1);
  });

  it("writes which provider may get a message before the request goes out", async () => {
    const { aliyun } = await fakes();
    aliyun.mode = "hang";
    const { id } = await queuedSms();
    const pending = run(providers({ aliyun }, 3_600_000), T0);
    await aliyun.received(1);
    expect((await state(id)).uncertainProviders).toEqual(["aliyun"]);
    await aliyun.close();
    await pending;
  });
});

describe("which notices also go by text", () => {
  it("queues an SMS row to the case's phone exactly for the templates marked sms, and the worker sends it", async () => {
    const applicant = await createTestUser("APPLICANT");
    const application = await createTestApplication({
      applicantId: applicant.id,
      serviceId: await createTestService(),
      phone: "+8613900139000",
    });
    const applicantTemplates = TEMPLATE_NAMES.filter((name) => TEMPLATES[name].audience === "applicant");
    await db.$transaction(async (tx) => {
      const row = (await lockCase(tx, application.id))!;
      for (const template of applicantTemplates)
        await queueApplicantNotice(tx, row, template, T0, { node: "DECISION" });
    });
    const texts = await db.notification.findMany({
      where: { applicationId: application.id, channel: "SMS" },
      select: { template: true, toAddress: true },
    });
    // Pages (decision 036) go to staff, queued by lib/paging, not to the case's phone.
    expect(texts.map((text) => text.template).sort()).toEqual(
      SMS_TEMPLATE_NAMES.filter((name) => TEMPLATES[name].audience === "applicant").sort(),
    );
    expect(new Set(texts.map((text) => text.toAddress))).toEqual(new Set(["+8613900139000"]));

    const { aliyun } = await fakes();
    await db.notification.deleteMany({ where: { channel: { not: "SMS" } } });
    await run(providers({ aliyun }), T0);
    expect(aliyun.accepted.map((message) => message.to)).toEqual(texts.map(() => "13900139000"));
    expect(
      await db.notification.count({ where: { channel: "SMS", status: "SENT", provider: "aliyun" } }),
    ).toBe(texts.length);
  });
});
