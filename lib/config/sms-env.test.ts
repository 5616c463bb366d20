import { describe, expect, it } from "vitest";
import { SMS_TEMPLATE_NAMES } from "@/lib/notifications/templates";
import { productionEnvProblems } from "./production-env";
import { smsProviderFrom } from "@/lib/notifications/delivery";
import { parseSmsSettings } from "./sms-env";

const CODES = SMS_TEMPLATE_NAMES.map((name, index) => `${name}=SMS_${index + 1}`).join(",");
const ALIYUN = {
  ALIYUN_SMS_ACCESS_KEY_ID: "LTAI-id",
  ALIYUN_SMS_ACCESS_KEY_SECRET: "secret",
  ALIYUN_SMS_SIGN_NAME: "加急通",
  ALIYUN_SMS_TEMPLATES: `${CODES},case.approved:en=SMS_900`,
};
const HTTP = { SMS_HTTP_URL: "https://sms-gateway.internal/send", SMS_HTTP_TOKEN: "t".repeat(16) };

describe("parseSmsSettings", () => {
  it("is the dev mailbox (no providers) when nothing is set, or set empty", () => {
    expect(parseSmsSettings({})).toEqual({ settings: { providers: [], timeoutMs: 10_000 }, problems: [] });
    expect(parseSmsSettings({ SMS_PROVIDERS: "" }).settings?.providers).toEqual([]);
  });

  it("reads both providers in the order given, with the timeout", () => {
    const { settings } = parseSmsSettings({
      SMS_PROVIDERS: "http, aliyun",
      SMS_TIMEOUT_MS: "5000",
      ...ALIYUN,
      ...HTTP,
    });
    expect(settings?.timeoutMs).toBe(5000);
    expect(settings?.providers.map((provider) => provider.kind)).toEqual(["http", "aliyun"]);
    expect(settings?.providers[1]).toMatchObject({
      endpoint: "https://dysmsapi.aliyuncs.com/",
      regionId: "cn-hangzhou",
      templates: expect.objectContaining({
        "case.approved": expect.any(String),
        "case.approved:en": "SMS_900",
      }),
    });
    expect(settings?.providers[0]).toMatchObject({ url: HTTP.SMS_HTTP_URL, idempotent: false });
  });

  it.each([
    [{ SMS_PROVIDERS: "twilio" }, "SMS_PROVIDERS"],
    [{ SMS_PROVIDERS: "http,http", ...HTTP }, "SMS_PROVIDERS"],
    [
      { SMS_PROVIDERS: "aliyun", ...ALIYUN, ALIYUN_SMS_ACCESS_KEY_SECRET: "" },
      "ALIYUN_SMS_ACCESS_KEY_SECRET",
    ],
    [
      { SMS_PROVIDERS: "aliyun", ...ALIYUN, ALIYUN_SMS_TEMPLATES: "case.approved SMS_1" },
      "not template=CODE",
    ],
    [{ SMS_PROVIDERS: "http", SMS_HTTP_URL: HTTP.SMS_HTTP_URL }, "SMS_HTTP_TOKEN or SMS_HTTP_SIGNING_SECRET"],
    [{ SMS_PROVIDERS: "http", ...HTTP, SMS_HTTP_URL: "ftp://x" }, "SMS_HTTP_URL"],
    [{ SMS_TIMEOUT_MS: "10" }, "SMS_TIMEOUT_MS"],
  ])("refuses %j, naming %s", (env, named) => {
    const parsed = parseSmsSettings(env);
    expect(parsed.settings).toBeUndefined();
    expect(parsed.problems.join("\n")).toContain(named);
  });

  it("keeps production from booting with a half-configured provider, or an SMS template without a code", () => {
    expect(productionEnvProblems({ SMS_PROVIDERS: "aliyun" }).join("\n")).toContain(
      "ALIYUN_SMS_ACCESS_KEY_ID",
    );
    const oneCode = { SMS_PROVIDERS: "aliyun", ...ALIYUN, ALIYUN_SMS_TEMPLATES: "case.approved=SMS_1" };
    expect(productionEnvProblems(oneCode).join("\n")).toContain("no template code for application.received");
    expect(productionEnvProblems({ SMS_PROVIDERS: "aliyun", ...ALIYUN }).join("\n")).not.toContain("SMS");
  });

  it("keeps the worker from starting with an SMS template without a code", () => {
    const oneCode = { SMS_PROVIDERS: "aliyun", ...ALIYUN, ALIYUN_SMS_TEMPLATES: "case.approved=SMS_1" };
    expect(() => smsProviderFrom(parseSmsSettings(oneCode).settings!)).toThrow(
      /no template code for application\.received/,
    );
  });
});
