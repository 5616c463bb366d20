import { z } from "zod";

// SMS providers (decision 033), read the same way by the app and worker (lib/env.ts) and by
// production mode's boot check (production-env.ts). Unset SMS_PROVIDERS: the dev mailbox.
// The list of SMS templates is passed in, not imported: lib/env.ts is imported nearly everywhere,
// and the template names read like message keys to the client-namespace check.

export const SMS_PROVIDER_KINDS = ["aliyun", "http"] as const;
export type SmsProviderKind = (typeof SMS_PROVIDER_KINDS)[number];

export type AliyunSmsSettings = {
  kind: "aliyun";
  endpoint: string;
  regionId: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Our template name (or "name:locale") → the template code registered with Alibaba Cloud. */
  templates: Readonly<Record<string, string>>;
};

export type HttpSmsSettings = {
  kind: "http";
  url: string;
  /** Authorization: Bearer …; and/or an HMAC-SHA256 signature of each body with `signingSecret`. */
  token?: string;
  signingSecret?: string;
  /** The gateway honours Idempotency-Key, so a timed-out message may go through it again. */
  idempotent: boolean;
};

export type SmsProviderSettings = AliyunSmsSettings | HttpSmsSettings;

/** `providers`: first, then the one used when it fails or times out; empty: the dev mailbox. */
export type SmsSettings = { providers: SmsProviderSettings[]; timeoutMs: number };

const required = (name: string, what: string) =>
  z.string({ error: `${name} is missing (${what})` }).min(1, `${name} is missing (${what})`);

const listSchema = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(SMS_PROVIDER_KINDS, { error: `SMS_PROVIDERS names ${SMS_PROVIDER_KINDS.join(" or ")}` }))
      .max(2, "SMS_PROVIDERS names at most two providers: the first and its fallback")
      .refine((kinds) => new Set(kinds).size === kinds.length, "SMS_PROVIDERS names a provider twice"),
  );

const timeoutSchema = z.coerce
  .number("SMS_TIMEOUT_MS must be a number of milliseconds")
  .int("SMS_TIMEOUT_MS must be a whole number of milliseconds")
  .min(500, "SMS_TIMEOUT_MS must be at least 500")
  .max(60_000, "SMS_TIMEOUT_MS must be at most 60000")
  .default(10_000);

/** "application.received=SMS_1,case.approved=SMS_2,case.approved:en=SMS_3" → a map. */
export function parseTemplateCodes(value: string): Record<string, string> | string {
  const codes: Record<string, string> = {};
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z.]+(?::(?:zh|en))?)=([A-Za-z0-9_-]{1,64})$/.exec(entry);
    if (!match) return `"${entry}" is not template=CODE (or template:locale=CODE)`;
    codes[match[1]!] = match[2]!;
  }
  return codes;
}

/**
 * Every SMS template needs an Alibaba template code: one missing would fail those messages at
 * 3 a.m. instead of at start. "" when none is missing.
 */
export function missingTemplateCodes(settings: SmsSettings, smsTemplates: readonly string[]): string {
  const missing = settings.providers.flatMap((provider) =>
    provider.kind === "aliyun" ? smsTemplates.filter((name) => !provider.templates[name]) : [],
  );
  return missing.length > 0 ? `ALIYUN_SMS_TEMPLATES: no template code for ${missing.join(", ")}` : "";
}

const aliyunSchema = z.object({
  ALIYUN_SMS_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "ALIYUN_SMS_ENDPOINT must be an http(s) URL" })
    .default("https://dysmsapi.aliyuncs.com/"),
  ALIYUN_SMS_REGION: z.string().default("cn-hangzhou"),
  ALIYUN_SMS_ACCESS_KEY_ID: required("ALIYUN_SMS_ACCESS_KEY_ID", "the RAM user's AccessKey ID"),
  ALIYUN_SMS_ACCESS_KEY_SECRET: required("ALIYUN_SMS_ACCESS_KEY_SECRET", "its AccessKey secret"),
  ALIYUN_SMS_SIGN_NAME: required("ALIYUN_SMS_SIGN_NAME", "the approved signature, e.g. 加急通"),
  ALIYUN_SMS_TEMPLATES: required(
    "ALIYUN_SMS_TEMPLATES",
    "template=CODE pairs, e.g. application.received=SMS_123456789",
  ).transform((value, ctx) => {
    const codes = parseTemplateCodes(value);
    if (typeof codes === "string") {
      ctx.addIssue({ code: "custom", message: codes });
      return z.NEVER;
    }
    return codes;
  }),
});

const httpSchema = z
  .object({
    SMS_HTTP_URL: z.url({ protocol: /^https?$/, error: "SMS_HTTP_URL must be the gateway's http(s) URL" }),
    SMS_HTTP_TOKEN: z.string().min(16, "SMS_HTTP_TOKEN must be at least 16 characters").optional(),
    SMS_HTTP_SIGNING_SECRET: z
      .string()
      .min(32, "SMS_HTTP_SIGNING_SECRET must be at least 32 characters")
      .optional(),
    SMS_HTTP_IDEMPOTENT: z
      .enum(["true", "false"], { error: "SMS_HTTP_IDEMPOTENT must be true or false" })
      .default("false"),
  })
  .refine((value) => value.SMS_HTTP_TOKEN || value.SMS_HTTP_SIGNING_SECRET, {
    message: "SMS_HTTP_TOKEN or SMS_HTTP_SIGNING_SECRET is required: the gateway must know the sender",
    path: ["SMS_HTTP_TOKEN"],
  });

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "SMS"}: ${issue.message}`);

/** The SMS settings, or every problem with them as "NAME: message" lines. */
export function parseSmsSettings(
  env: Record<string, string | undefined>,
): { settings: SmsSettings; problems: [] } | { settings?: undefined; problems: string[] } {
  // An empty value is as good as unset: `FOO=` in an env file should not pass as a setting.
  const given = (name: string) => (env[name] === "" ? undefined : env[name]);
  const pick = (shape: Record<string, unknown>) =>
    Object.fromEntries(Object.keys(shape).map((key) => [key, given(key)]));
  const kinds = listSchema.safeParse(given("SMS_PROVIDERS"));
  const timeout = timeoutSchema.safeParse(given("SMS_TIMEOUT_MS"));
  const problems = [
    ...(kinds.success ? [] : kinds.error.issues.map((issue) => `SMS_PROVIDERS: ${issue.message}`)),
    ...(timeout.success ? [] : timeout.error.issues.map((issue) => `SMS_TIMEOUT_MS: ${issue.message}`)),
  ];
  const providers: SmsProviderSettings[] = [];
  for (const kind of kinds.data ?? []) {
    if (kind === "aliyun") {
      const parsed = aliyunSchema.safeParse(pick(aliyunSchema.shape));
      if (!parsed.success) problems.push(...issuesOf(parsed.error));
      else
        providers.push({
          kind,
          endpoint: parsed.data.ALIYUN_SMS_ENDPOINT,
          regionId: parsed.data.ALIYUN_SMS_REGION,
          accessKeyId: parsed.data.ALIYUN_SMS_ACCESS_KEY_ID,
          accessKeySecret: parsed.data.ALIYUN_SMS_ACCESS_KEY_SECRET,
          signName: parsed.data.ALIYUN_SMS_SIGN_NAME,
          templates: parsed.data.ALIYUN_SMS_TEMPLATES,
        });
    } else {
      const parsed = httpSchema.safeParse(pick(httpSchema.shape));
      if (!parsed.success) problems.push(...issuesOf(parsed.error));
      else
        providers.push({
          kind,
          url: parsed.data.SMS_HTTP_URL,
          token: parsed.data.SMS_HTTP_TOKEN,
          signingSecret: parsed.data.SMS_HTTP_SIGNING_SECRET,
          idempotent: parsed.data.SMS_HTTP_IDEMPOTENT === "true",
        });
    }
  }
  if (problems.length > 0 || !timeout.success) return { problems };
  return { settings: { providers, timeoutMs: timeout.data }, problems: [] };
}
