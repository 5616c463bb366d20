import { createTranslator } from "next-intl";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import enNodes from "@/lib/i18n/messages/en/nodes.json";
import enNotifications from "@/lib/i18n/messages/en/notifications.json";
import zhNodes from "@/lib/i18n/messages/zh/nodes.json";
import zhNotifications from "@/lib/i18n/messages/zh/notifications.json";
import { emailHtml } from "./email-html";
import type { SmsParams } from "./providers";
import {
  accountLink,
  caseLink,
  messageKeyOf,
  parseTemplateInput,
  TemplateError,
  type Audience,
} from "./templates";

// The same message files the app uses, read directly: the worker renders outside any request.
const MESSAGES: Record<Locale, Record<string, unknown>> = {
  en: { notifications: enNotifications, nodes: enNodes },
  zh: { notifications: zhNotifications, nodes: zhNodes },
};

const HTML_LANG: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export type RenderInput = {
  template: string;
  locale: string;
  payload: unknown;
  appUrl: string;
  /** Times in messages are written in the service's zone (the rota's), said with its offset. */
  timeZone?: string;
};

export type RenderedNotification = {
  locale: Locale;
  audience: Audience;
  /** In-app title and email subject. */
  title: string;
  /** In-app body. */
  body: string;
  link: string;
  text: string;
  html: string;
  sms: string;
  /** What an SMS template registered with a provider fills in: the number and, for some, one time. */
  smsParams: SmsParams;
};

/**
 * Texts for one outbox row, in the row's language (Chinese when it names none we have). Pure, so
 * the in-app notification center can render rows the same way. Throws TemplateError for an
 * unknown template, a payload without what the template needs, or a message that fails to format.
 */
export function renderNotification({
  template,
  locale,
  payload,
  appUrl,
  timeZone = "Asia/Shanghai",
}: RenderInput): RenderedNotification {
  const { name, spec, payload: values } = parseTemplateInput(template, payload);
  const lang: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const problems: string[] = [];
  const translate = createTranslator({
    locale: lang,
    messages: MESSAGES[lang],
    onError: (error) => problems.push(error.message),
  });
  const t = (key: string, params?: Record<string, string>) =>
    translate(key as never, params as never) as string;

  const key = `notifications.templates.${messageKeyOf(name)}`;
  const when = (iso: string) => formatMessageTime(new Date(iso), lang, timeZone);
  // The number as every page writes it ("EX-1BM-YR4-ENP"); links keep the canonical form.
  const number = values.number ? formatApplicationNumber(values.number) : "";
  const params = {
    number,
    node: values.node ? t(`nodes.${values.node}`) : "",
    expectedAt: values.expectedAt ? when(values.expectedAt) : t("notifications.expectedOnCasePage"),
    dueAt: values.dueAt ? when(values.dueAt) : "",
    startsAt: values.startsAt ? when(values.startsAt) : "",
    person: values.person ?? "",
    count: String(values.count ?? ""),
    threshold: String(values.threshold ?? ""),
    host: values.host ?? "",
  };
  // Rows queued before due times were carried have none: they keep the texts without one.
  const due = values.dueAt && spec.mentionsDue ? "Due" : "";
  const title = t(`${key}.title${due}`, params);
  const scheduled = values.startsAt && spec.mentionsStart ? "Scheduled" : "";
  const body = t(`${key}.body${due || scheduled}`, params);
  // Account messages (decision 010) are about the address, not a case: their own link and button.
  const account = spec.audience === "account";
  const link =
    spec.audience === "account" || spec.audience === "page"
      ? accountLink(appUrl, values.path ?? "/")
      : caseLink(appUrl, spec.audience, values.number ?? "");
  const greeting = t("notifications.email.greeting");
  const numberLine = account ? "" : t("notifications.email.number", { number });
  const footer = t(
    account
      ? "notifications.email.accountFooter"
      : spec.audience === "staff" || spec.audience === "page"
        ? "notifications.email.staffFooter"
        : "notifications.email.footer",
  );
  const button = t(
    account
      ? `${key}.button`
      : spec.audience === "page"
        ? "notifications.email.pageButton"
        : "notifications.email.button",
  );
  const linkLine = t(
    account
      ? "notifications.email.accountLink"
      : spec.audience === "page"
        ? "notifications.email.pageLink"
        : "notifications.email.link",
    { link },
  );
  const rendered: RenderedNotification = {
    locale: lang,
    audience: spec.audience,
    title,
    body,
    link,
    text: [greeting, "", body, "", ...(numberLine ? [numberLine] : []), linkLine, "", "-- ", footer, ""].join(
      "\n",
    ),
    html: emailHtml({
      lang: HTML_LANG[lang],
      brand: t("notifications.brand"),
      title,
      greeting,
      body,
      numberLine,
      link,
      button,
      footer,
    }),
    sms: t("notifications.sms", { title, link }),
    smsParams: {
      ...smsParamsOf(
        number,
        values.dueAt && spec.mentionsDue
          ? params.dueAt
          : values.expectedAt && spec.mentionsExpected
            ? params.expectedAt
            : "",
      ),
      // A page is answered through its own acknowledge link (decision 036): a registered template
      // must carry it, since it differs for every page.
      ...(spec.audience === "page" ? { link } : {}),
    },
  };
  if (problems.length > 0)
    throw new TemplateError(`template "${name}" (${lang}) failed to render: ${problems.join("; ")}`);
  return rendered;
}

function smsParamsOf(number: string, time: string): SmsParams {
  return time ? { number, time } : { number };
}

/**
 * A time in a message: the service's zone, named, since the reader's own zone is unknown outside a
 * page; English in the British order ("7 Dec 2026, 18:00 GMT+8"), never US style.
 */
export function formatMessageTime(date: Date, lang: Locale, timeZone: string): string {
  // Chinese names the zone in words (中国标准时间); "GMT+8" would put Latin letters into Chinese text.
  return formatDateTime(
    date,
    lang,
    {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: lang === "zh" ? "long" : "short",
    },
    timeZone,
  );
}
