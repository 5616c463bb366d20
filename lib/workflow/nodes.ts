import type { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";

export type { ApplicationStatus, WorkflowNode };

/** Every node a case can pass on its way to a document, in order; EXPERT_REVIEW only for some services. */
export const MAIN_LINE = [
  "SUBMITTED",
  "MATERIAL_CHECK",
  "SUBSTANTIVE_REVIEW",
  "EXPERT_REVIEW",
  "DECISION",
  "RESULT_NOTIFIED",
  "DOCUMENT_ISSUED",
] as const satisfies readonly WorkflowNode[];

export type MainLineNode = (typeof MAIN_LINE)[number];

/** The detour while the applicant supplies missing material; answering it returns the case here. */
export const SUPPLEMENT_NODE = "AWAITING_SUPPLEMENT" satisfies WorkflowNode;
export const SUPPLEMENT_RETURN_NODE = "MATERIAL_CHECK" satisfies WorkflowNode;

/** Outcomes that end a case early. */
export const TERMINAL_NODES = ["REJECTED", "WITHDRAWN"] as const satisfies readonly WorkflowNode[];

/** Nodes in which a case is finished: nothing happens after them. */
export const CLOSED_NODES: readonly WorkflowNode[] = ["DOCUMENT_ISSUED", ...TERMINAL_NODES];

export const CLOSED_STATUSES: readonly ApplicationStatus[] = ["COMPLETED", "REJECTED", "WITHDRAWN"];

export type ServicePathOptions = { requiresExpertReview: boolean };

export function isMainLineNode(node: WorkflowNode): node is MainLineNode {
  return (MAIN_LINE as readonly WorkflowNode[]).includes(node);
}

export function isTerminalNode(node: WorkflowNode): boolean {
  return (TERMINAL_NODES as readonly WorkflowNode[]).includes(node);
}

export function isClosedNode(node: WorkflowNode): boolean {
  return CLOSED_NODES.includes(node);
}

export function isClosedStatus(status: ApplicationStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** The main line this service's cases follow. */
export function pathForService({ requiresExpertReview }: ServicePathOptions): MainLineNode[] {
  return MAIN_LINE.filter((node) => node !== "EXPERT_REVIEW" || requiresExpertReview);
}

/**
 * Where a node sits on the main line, for progress. The supplement detour counts as material check,
 * the step it interrupts and returns to; terminal nodes have no position (-1).
 */
export function mainLineIndex(node: WorkflowNode): number {
  if (node === SUPPLEMENT_NODE) return MAIN_LINE.indexOf(SUPPLEMENT_RETURN_NODE);
  return isMainLineNode(node) ? MAIN_LINE.indexOf(node) : -1;
}

/** The node after `node` on this service's path, or null at the end (or off the main line). */
export function nextOnPath(node: WorkflowNode, service: ServicePathOptions): MainLineNode | null {
  if (!isMainLineNode(node)) return null;
  const index = MAIN_LINE.indexOf(node);
  return pathForService(service).find((candidate) => MAIN_LINE.indexOf(candidate) > index) ?? null;
}
