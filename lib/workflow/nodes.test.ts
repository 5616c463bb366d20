import { describe, expect, it } from "vitest";
import { WorkflowNode } from "@/lib/generated/prisma/enums";
import {
  CLOSED_NODES,
  MAIN_LINE,
  isClosedNode,
  isMainLineNode,
  isTerminalNode,
  mainLineIndex,
  nextOnPath,
  pathForService,
} from "./nodes";

const ALL_NODES = Object.values(WorkflowNode);

describe("pathForService", () => {
  it("includes expert review only for services that require it", () => {
    expect(pathForService({ requiresExpertReview: true })).toEqual([
      "SUBMITTED",
      "MATERIAL_CHECK",
      "SUBSTANTIVE_REVIEW",
      "EXPERT_REVIEW",
      "DECISION",
      "RESULT_NOTIFIED",
      "DOCUMENT_ISSUED",
    ]);
    expect(pathForService({ requiresExpertReview: false })).toEqual([
      "SUBMITTED",
      "MATERIAL_CHECK",
      "SUBSTANTIVE_REVIEW",
      "DECISION",
      "RESULT_NOTIFIED",
      "DOCUMENT_ISSUED",
    ]);
  });
});

describe("nextOnPath", () => {
  const expected: Record<
    WorkflowNode,
    [withExpert: WorkflowNode | null, withoutExpert: WorkflowNode | null]
  > = {
    SUBMITTED: ["MATERIAL_CHECK", "MATERIAL_CHECK"],
    MATERIAL_CHECK: ["SUBSTANTIVE_REVIEW", "SUBSTANTIVE_REVIEW"],
    AWAITING_SUPPLEMENT: [null, null],
    SUBSTANTIVE_REVIEW: ["EXPERT_REVIEW", "DECISION"],
    // A case that is somehow in expert review without needing it still moves on to the decision.
    EXPERT_REVIEW: ["DECISION", "DECISION"],
    DECISION: ["RESULT_NOTIFIED", "RESULT_NOTIFIED"],
    RESULT_NOTIFIED: ["DOCUMENT_ISSUED", "DOCUMENT_ISSUED"],
    DOCUMENT_ISSUED: [null, null],
    REJECTED: [null, null],
    WITHDRAWN: [null, null],
  };
  it.each(ALL_NODES)("%s", (node) => {
    expect([
      nextOnPath(node, { requiresExpertReview: true }),
      nextOnPath(node, { requiresExpertReview: false }),
    ]).toEqual(expected[node]);
  });
});

describe("node classification", () => {
  it("knows the main line, the terminal and the closed nodes", () => {
    expect(ALL_NODES.filter(isMainLineNode)).toEqual([...MAIN_LINE]);
    expect(ALL_NODES.filter(isTerminalNode)).toEqual(["REJECTED", "WITHDRAWN"]);
    expect(ALL_NODES.filter(isClosedNode).sort()).toEqual([...CLOSED_NODES].sort());
    expect(ALL_NODES.filter(isClosedNode).sort()).toEqual(["DOCUMENT_ISSUED", "REJECTED", "WITHDRAWN"]);
  });

  it("places the supplement detour at material check and terminal nodes nowhere", () => {
    expect(ALL_NODES.map((node) => [node, mainLineIndex(node)])).toEqual([
      ["SUBMITTED", 0],
      ["MATERIAL_CHECK", 1],
      ["AWAITING_SUPPLEMENT", 1],
      ["SUBSTANTIVE_REVIEW", 2],
      ["EXPERT_REVIEW", 3],
      ["DECISION", 4],
      ["RESULT_NOTIFIED", 5],
      ["DOCUMENT_ISSUED", 6],
      ["REJECTED", -1],
      ["WITHDRAWN", -1],
    ]);
  });
});
