import type { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";

/** What a partner may subscribe to (issue 17). The strings are part of the public contract. */
export const WEBHOOK_EVENT_TYPES = [
  "application.submitted",
  "application.node_changed",
  "application.supplement_requested",
  "application.decided",
  "application.document_issued",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * The events one workflow move tells of, in the order they are written (and so delivered): the
 * node change first, then what the move means. `status` is the case's status after the move.
 */
export function eventsForMove(move: {
  transition: string;
  status: ApplicationStatus;
  nodeChanged: boolean;
}): WebhookEventType[] {
  const events: WebhookEventType[] = move.nodeChanged ? ["application.node_changed"] : [];
  if (move.transition === "REQUEST_SUPPLEMENT") events.push("application.supplement_requested");
  if (move.status === "APPROVED" || move.status === "REJECTED") events.push("application.decided");
  if (move.transition === "ISSUE_DOCUMENT") events.push("application.document_issued");
  return events;
}

/** The case as the partner API shows it, and nothing more: no notes, names, contacts or ID numbers. */
export type WebhookCaseSnapshot = {
  number: string;
  status: ApplicationStatus;
  currentNode: WorkflowNode;
  version: number;
};

/** The JSON body every delivery of one event carries, byte for byte (it is signed as sent). */
export type WebhookPayload = {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  data: { application: WebhookCaseSnapshot & { url: string } };
};

export function webhookPayload(event: {
  id: string;
  type: WebhookEventType;
  occurredAt: Date;
  application: WebhookCaseSnapshot;
  appUrl: string;
}): WebhookPayload {
  const { number, status, currentNode, version } = event.application;
  const base = event.appUrl.replace(/\/+$/, "");
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data: {
      application: {
        number,
        status,
        currentNode,
        version,
        url: `${base}/api/v1/applications/${encodeURIComponent(number)}`,
      },
    },
  };
}
