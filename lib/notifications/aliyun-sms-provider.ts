import { randomUUID } from "node:crypto";
import type { AliyunSmsSettings } from "@/lib/config/sms-env";
import { toMobileE164 } from "@/lib/identity/phone";
import { rpcSignature, rpcTimestamp } from "./aliyun-signature";
import type { OutgoingSms, SmsProvider } from "./providers";
import { DeliveryError } from "./retry-policy";
import { parseJsonAnswer, postToProvider } from "./sms-http";

// Alibaba Cloud SMS (Dysmsapi 2017-05-25) SendSms, an RPC-style API: the parameters and their
// signature go as a form body (POST), the answer is JSON. https://help.aliyun.com/en/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms

/** Codes that refuse this message itself (its number, its parameters): no retry can help. */
const REFUSED_FOR_GOOD = new Set([
  "isv.MOBILE_NUMBER_ILLEGAL",
  "isv.MOBILE_COUNT_OVER_LIMIT",
  "isv.TEMPLATE_MISSING_PARAMETERS",
  "isv.INVALID_JSON_PARAM",
  "isv.PARAM_LENGTH_LIMIT",
  "isv.BLACK_KEY_CONTROL_LIMIT",
  "isv.DENY_IP_RANGE",
]);

/**
 * PhoneNumbers: a mainland number as its 11 digits; others as country code and number without
 * "+" (the API's rule for international and Hong Kong/Macau/Taiwan messages).
 */
export function aliyunPhoneNumber(to: string): string | null {
  const e164 = toMobileE164(to);
  if (!e164) return null;
  return e164.startsWith("+86") ? e164.slice(3) : e164.slice(1);
}

/** The template code for a message: "template:locale" first, then the template's own. */
export function aliyunTemplateCode(settings: AliyunSmsSettings, message: OutgoingSms): string | undefined {
  return settings.templates[`${message.template}:${message.locale}`] ?? settings.templates[message.template];
}

/** The request's parameters, signed. `nonce` and `now` are injectable for tests. */
export function aliyunSendSmsParams(
  settings: AliyunSmsSettings,
  message: OutgoingSms,
  options: { now: Date; nonce: string; phoneNumber: string; templateCode: string },
): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: settings.accessKeyId,
    Action: "SendSms",
    Format: "JSON",
    RegionId: settings.regionId,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: options.nonce,
    SignatureVersion: "1.0",
    Timestamp: rpcTimestamp(options.now),
    Version: "2017-05-25",
    PhoneNumbers: options.phoneNumber,
    SignName: settings.signName,
    TemplateCode: options.templateCode,
    // Only the public number and a time: the texts with the words are registered with Alibaba.
    TemplateParam: JSON.stringify(message.params),
    // Echoed in delivery receipts and QuerySendDetails. Alibaba does not deduplicate on it.
    OutId: message.notificationId,
  };
  return { ...params, Signature: rpcSignature("POST", params, settings.accessKeySecret) };
}

export function createAliyunSmsProvider(
  settings: AliyunSmsSettings,
  options: { now?: () => Date } = {},
): SmsProvider {
  const name = "aliyun";
  return {
    name,
    async send(message, signal) {
      const phoneNumber = aliyunPhoneNumber(message.to);
      if (!phoneNumber) throw new DeliveryError(`${name}: not a mobile number`, true);
      const templateCode = aliyunTemplateCode(settings, message);
      // A configuration gap (checked at start for every SMS template): fixed, the backlog goes.
      if (!templateCode) throw new DeliveryError(`${name}: no template code for ${message.template}`, false);
      const params = aliyunSendSmsParams(settings, message, {
        // A fresh nonce per request: Alibaba refuses a nonce it has seen (SignatureNonceUsed).
        nonce: randomUUID(),
        now: options.now?.() ?? new Date(),
        phoneNumber,
        templateCode,
      });
      const answer = await postToProvider(
        name,
        settings.endpoint,
        {
          headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
          body: new URLSearchParams(params).toString(),
        },
        signal,
      );
      const json = parseJsonAnswer(answer.body);
      const code = typeof json?.Code === "string" ? json.Code : null;
      if (answer.status === 200 && code === "OK")
        return { provider: name, providerMessageId: typeof json?.BizId === "string" ? json.BizId : null };
      const said = `${name}: HTTP ${answer.status} ${code ?? "no code"}${typeof json?.Message === "string" ? ` ${json.Message}` : ""}`;
      // A 5xx without a code that says "not now" (an internal error, a proxy), or a success whose
      // answer cannot be read, may have sent it all the same.
      const unclear =
        (answer.status >= 500 && code !== "ServiceUnavailable" && !code?.startsWith("Throttling")) ||
        (answer.status < 300 && code === null);
      if (unclear) throw new DeliveryError(`${said}; it may have been accepted`, false, [name]);
      throw new DeliveryError(said, code !== null && REFUSED_FOR_GOOD.has(code));
    },
  };
}
