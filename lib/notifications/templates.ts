import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { WorkflowNode } from "@/lib/generated/prisma/enums";

/**
 * Who a template speaks to, which decides the link: portal case page, console case page, or (for
 * messages about the account itself, decision 010, and pages to staff on duty, decision 036) the
 * app path in the payload.
 */
export type Audience = "applicant" | "staff" | "account" | "page";

/**
 * `informational`: the message only reports a new state of the case, so a newer message about the
 * same case supersedes it (bursts are collapsed, decision 027). Everything else asks its reader to
 * act (answer a request, take a case, confirm an address) and goes out at once.
 */
type TemplateSpec = {
  audience: Audience;
  needs: readonly "node"[];
  informational?: true;
  /** With a due time in the payload, the texts titleDue and bodyDue say it. */
  mentionsDue?: true;
  /**
   * Also a text message to the applicant: the moments someone in a hurry must not miss away from
   * email. Everything else is in-app and email only (texts cost money and attention).
   */
  sms?: true;
  /** Its body says the new expected time (expectedAt): an SMS template may fill it in too. */
  mentionsExpected?: true;
  /** With a scheduled start in the payload (decision 035), the text bodyScheduled says it. */
  mentionsStart?: true;
};

const APPLICANT: TemplateSpec = { audience: "applicant", needs: [], informational: true };
const APPLICANT_SMS: TemplateSpec = { ...APPLICANT, sms: true };
const STAFF: TemplateSpec = { audience: "staff", needs: [] };
const ACCOUNT: TemplateSpec = { audience: "account", needs: [] };
// Pages to the staff on duty (lib/paging, decision 036): the number and the acknowledge link, nothing else.
const PAGE: TemplateSpec = { audience: "page", needs: [], sms: true };

/**
 * Every template the outbox may hold (the `template` column), as queued by lib/applications,
 * lib/payments, lib/workflow and lib/sla. Texts: notifications.templates.<name with "_" for ".">.{title,body}.
 */
export const TEMPLATES = {
  // With the number, by text too: the applicant has it even before they find the email.
  "application.received": { ...APPLICANT_SMS, mentionsStart: true },
  "payment.recorded": APPLICANT,
  "payment.refunded": APPLICANT,
  "payment.waived": APPLICANT,
  "case.advanced": { audience: "applicant", needs: ["node"], informational: true, mentionsDue: true },
  // The applicant must answer by the due time: never held back.
  "case.supplementRequested": { audience: "applicant", needs: [], mentionsDue: true, sms: true },
  "case.supplementProvided": APPLICANT,
  "case.approved": APPLICANT_SMS,
  "case.rejected": APPLICANT_SMS,
  "case.documentIssued": APPLICANT_SMS,
  "case.withdrawn": APPLICANT,
  "case.noteAdded": APPLICANT,
  // Supplement deadlines (lib/workflow/deadline-mutations.ts, lapse-mutations.ts; decision 034).
  "case.supplementReminder": { audience: "applicant", needs: [], mentionsDue: true, sms: true },
  "case.supplementExtended": { audience: "applicant", needs: [], mentionsDue: true },
  "case.continuedWithoutSupplement": APPLICANT,
  "case.closedNotProvided": { audience: "applicant", needs: [], sms: true },
  "staff.supplementLapsed": STAFF,
  // Tier changes (lib/workflow/tier-mutations.ts): expectedAt is the new case due time.
  "case.acceptedAsStandard": APPLICANT,
  "case.tierUpgraded": APPLICANT,
  "staff.assigned": STAFF,
  "staff.supplementProvided": STAFF,
  "staff.followUp": STAFF,
  // The rota (lib/rota, lib/handover): nobody on duty took a case; the previous shift handed over.
  "staff.unstaffed": STAFF,
  "staff.handover": STAFF,
  // One person's open load of a service passed its threshold (lib/rota/load-mutations.ts).
  "staff.overloaded": STAFF,
  // The overdue watch (lib/sla).
  "case.expedited": {
    audience: "applicant",
    needs: ["node"],
    informational: true,
    sms: true,
    mentionsExpected: true,
  },
  "sla.warning": { audience: "staff", needs: ["node"], mentionsDue: true },
  "sla.overdue": { audience: "staff", needs: ["node"], mentionsDue: true },
  "sla.deadlineRisk": { audience: "staff", needs: ["node"] },
  // Registration (lib/auth, decision 010): the confirmation link; "you already have an account".
  "account.confirmEmail": ACCOUNT,
  "account.exists": ACCOUNT,
  // Sign-in refused for too many attempts (lib/auth, decision 008): make this device a proven one.
  "account.unlockSignIn": ACCOUNT,
  // To an API client's contact address: one of its webhook endpoints failed for a day and was
  // disabled (lib/webhooks); the host says which.
  "webhook.endpointDisabled": ACCOUNT,
  "page.newExpress": PAGE,
  "page.escalation": PAGE,
  "page.followUp": PAGE,
  "page.deadlineRisk": PAGE,
  "page.unacknowledged": PAGE,
} as const satisfies Record<string, TemplateSpec>;

export type TemplateName = keyof typeof TEMPLATES;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** Templates a newer message about the same case may supersede (decision 027). */
export const INFORMATIONAL_TEMPLATES: readonly TemplateName[] = TEMPLATE_NAMES.filter(
  (name) => (TEMPLATES[name] as TemplateSpec).informational === true,
);

/** Templates that also go by text message (queueApplicantNotice, the submission). */
export const SMS_TEMPLATE_NAMES: readonly TemplateName[] = TEMPLATE_NAMES.filter(
  (name) => (TEMPLATES[name] as TemplateSpec).sms === true,
);

export function sendsSms(template: string): boolean {
  return isTemplateName(template) && (TEMPLATES[template] as TemplateSpec).sms === true;
}

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(TEMPLATES, value);
}

/** next-intl reads dots as nesting: "case.advanced" → "case_advanced". */
export function messageKeyOf(template: TemplateName): string {
  return template.replace(".", "_");
}

/**
 * What a message may show. Queued payloads carry more (service code, amounts, payment reference)
 * for other uses; a message shows only the public number, the node and its due times, by design.
 */
export const payloadSchema = z.object({
  /** Required by every case template (applicant and staff audiences). */
  number: z.string().trim().min(1).max(64).optional(),
  /** Account messages: the app path their link opens, only ever a same-origin path. */
  path: z
    .string()
    .max(512)
    .refine((path) => safeCallbackPath(path, "") === path)
    .optional(),
  node: z.enum(WorkflowNode).optional(),
  /** staff.overloaded: whose load, how many open cases, and the service's threshold. */
  person: z.string().trim().max(200).optional(),
  count: z.number().int().min(0).optional(),
  threshold: z.number().int().min(0).optional(),
  /** The new expected time of an expedited case (case.expedited). */
  expectedAt: z.iso.datetime({ offset: true }).optional(),
  /** What the message is about is due then: the supplement's answer, or the step's target time. */
  dueAt: z.iso.datetime({ offset: true }).optional(),
  /** webhook.endpointDisabled: the host of the endpoint (an address, never a case's data). */
  host: z.string().trim().max(300).optional(),
  /** Filed at night with "start next morning": work on the case starts then (decision 035). */
  startsAt: z.iso.datetime({ offset: true }).optional(),
});

export type NotificationPayload = z.infer<typeof payloadSchema>;

/** A row that cannot be rendered never will be: the worker fails it at once instead of retrying. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export function parseTemplateInput(
  template: string,
  payload: unknown,
): { name: TemplateName; spec: TemplateSpec; payload: NotificationPayload } {
  if (!isTemplateName(template)) throw new TemplateError(`unknown template "${template}"`);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new TemplateError(`payload of "${template}" is invalid`);
  const spec: TemplateSpec = TEMPLATES[template];
  const needs = [
    ...(spec.audience === "account" ? ["path" as const] : ["number" as const]),
    ...(spec.audience === "page" ? ["path" as const] : []),
    ...spec.needs,
  ];
  for (const field of needs)
    if (!parsed.data[field]) throw new TemplateError(`payload of "${template}" lacks ${field}`);
  return { name: template, spec, payload: parsed.data };
}

/** The page an account message points to; APP_URL may carry a path prefix. */
export function accountLink(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

/** The page the message points to; the number is encoded, APP_URL may carry a path prefix. */
export function caseLink(appUrl: string, audience: "applicant" | "staff", number: string): string {
  const base = appUrl.replace(/\/+$/, "");
  const path = audience === "applicant" ? "/portal/applications/" : "/console/cases/";
  return `${base}${path}${encodeURIComponent(number)}`;
}
