import { createHmac } from "node:crypto";
import type { HttpSmsSettings } from "@/lib/config/sms-env";
import { toMobileE164 } from "@/lib/identity/phone";
import type { SmsProvider } from "./providers";
import { DeliveryError } from "./retry-policy";
import { parseJsonAnswer, postToProvider } from "./sms-http";

/**
 * X-Expedite-Signature: "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>", so a
 * gateway can check who sent the body and refuse a replay of an old one (README, SMS).
 */
export function httpSmsSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/**
 * A generic HTTP/JSON gateway (README "Text messages"): POST {id, to, text, template, locale,
 * params}. 2xx accepted (`id` in the answer: its message id); 409 "this Idempotency-Key was
 * accepted before", also a success; 400/413/422 refuse the message for good; 429/503 are
 * "not now"; any other 5xx may have sent it.
 */
export function createHttpSmsProvider(
  settings: HttpSmsSettings,
  options: { now?: () => Date } = {},
): SmsProvider {
  const name = "http";
  return {
    name,
    idempotent: settings.idempotent,
    async send(message, signal) {
      const to = toMobileE164(message.to);
      if (!to) throw new DeliveryError(`${name}: not a mobile number`, true);
      const body = JSON.stringify({
        id: message.notificationId,
        to,
        text: message.text,
        template: message.template,
        locale: message.locale,
        params: message.params,
      });
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "idempotency-key": message.notificationId,
      };
      if (settings.token) headers.authorization = `Bearer ${settings.token}`;
      if (settings.signingSecret) {
        const seconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
        headers["x-expedite-signature"] = httpSmsSignature(settings.signingSecret, seconds, body);
      }
      const answer = await postToProvider(name, settings.url, { headers, body }, signal);
      const json = parseJsonAnswer(answer.body);
      if ((answer.status >= 200 && answer.status < 300) || answer.status === 409)
        return { provider: name, providerMessageId: typeof json?.id === "string" ? json.id : null };
      const said = `${name}: HTTP ${answer.status}${typeof json?.error === "string" ? ` ${json.error}` : ""}`;
      if (answer.status >= 500 && answer.status !== 503)
        throw new DeliveryError(`${said}; it may have been accepted`, false, [name]);
      throw new DeliveryError(said, [400, 413, 422].includes(answer.status));
    },
  };
}
