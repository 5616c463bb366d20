import type { TimelineAction, UrgencyTier, WorkflowNode } from "../../lib/generated/prisma/enums";

type Step = {
  node: WorkflowNode;
  action: TimelineAction;
  hoursAgo: number;
  publicNote?: string;
  internalNote?: string;
};

export type CaseSeed = {
  /** Stable key from which the (valid, check-charactered) application number is derived, so reseeding finds the case. */
  key: string;
  service: string;
  tier: UrgencyTier;
  reason: string;
  neededInDays: number;
  assignee?: string;
  currentNode: WorkflowNode;
  status: "IN_PROGRESS" | "AWAITING_APPLICANT" | "COMPLETED";
  paid: boolean;
  steps: Step[];
  /** Requested by the last step; due by the rule (lib/applications/deadline.ts), not a hard-coded time. */
  supplement?: { problems: { problem: string; suggestion: string }[] };
};

export const DEMO_CASES: CaseSeed[] = [
  {
    key: "passport",
    service: "passport-renewal",
    tier: "EXPRESS",
    reason: "我需要在 5 天内换发护照，因为母亲在新加坡住院需要探望；附件：医院病危通知书和机票行程单。",
    neededInDays: 5,
    assignee: "reviewer1@expedite.test",
    currentNode: "SUBSTANTIVE_REVIEW",
    status: "IN_PROGRESS",
    paid: true,
    steps: [
      { node: "SUBMITTED", action: "SUBMITTED", hoursAgo: 20 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", hoursAgo: 19, publicNote: "材料齐全，已进入审核。" },
      {
        node: "SUBSTANTIVE_REVIEW",
        action: "ADVANCED",
        hoursAgo: 16,
        internalNote: "病危通知书已电话核实。",
      },
    ],
  },
  {
    key: "medical",
    service: "medical-appointment",
    tier: "URGENT",
    reason: "我需要在两周内预约心内科专家门诊，因为社区医院建议尽快复查；附件：转诊单。",
    neededInDays: 14,
    assignee: "reviewer2@expedite.test",
    currentNode: "AWAITING_SUPPLEMENT",
    status: "AWAITING_APPLICANT",
    paid: true,
    steps: [
      { node: "SUBMITTED", action: "SUBMITTED", hoursAgo: 9 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", hoursAgo: 8 },
      {
        node: "AWAITING_SUPPLEMENT",
        action: "SUPPLEMENT_REQUESTED",
        hoursAgo: 5,
        publicNote: "转诊单缺少医生签名，请补充。",
      },
    ],
    supplement: {
      problems: [
        {
          problem: "转诊单缺少医生签名和医院盖章",
          suggestion: "请上传由开单医生签名并加盖医院公章的转诊单照片",
        },
      ],
    },
  },
  {
    key: "licence",
    service: "business-licence",
    tier: "STANDARD",
    reason: "我需要在月底前完成营业执照变更，因为新合同要求变更后的经营范围；附件：合同首页。",
    neededInDays: 20,
    currentNode: "SUBMITTED",
    status: "IN_PROGRESS",
    paid: false,
    steps: [{ node: "SUBMITTED", action: "SUBMITTED", hoursAgo: 2 }],
  },
  {
    key: "bugfix",
    service: "software-bug-fix",
    tier: "EXPRESS",
    reason:
      "I need the payment-page crash fixed today because our checkout is down for all users; attached: error logs.",
    neededInDays: 1,
    assignee: "reviewer1@expedite.test",
    currentNode: "DOCUMENT_ISSUED",
    status: "COMPLETED",
    paid: true,
    steps: [
      { node: "SUBMITTED", action: "SUBMITTED", hoursAgo: 70 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", hoursAgo: 69.5 },
      { node: "SUBSTANTIVE_REVIEW", action: "ADVANCED", hoursAgo: 69 },
      { node: "DECISION", action: "ADVANCED", hoursAgo: 67.5 },
      { node: "RESULT_NOTIFIED", action: "APPROVED", hoursAgo: 67, publicNote: "Fix approved and deployed." },
      { node: "DOCUMENT_ISSUED", action: "DOCUMENT_ISSUED", hoursAgo: 66, publicNote: "Fix report issued." },
    ],
  },
  {
    // Unassigned and already overdue: what the queue must put first and flag.
    key: "outage",
    service: "software-bug-fix",
    tier: "EXPRESS",
    reason:
      "Our payment gateway rejects every card since this morning's update; shops cannot take payments until it is fixed.",
    neededInDays: 1,
    currentNode: "SUBMITTED",
    status: "IN_PROGRESS",
    paid: true,
    steps: [{ node: "SUBMITTED", action: "SUBMITTED", hoursAgo: 3 }],
  },
  {
    key: "clinic",
    service: "medical-appointment",
    tier: "URGENT",
    reason: "我父亲需要在下周三前完成心脏专科复诊，原定预约被取消；附件：出院小结和转诊单。",
    neededInDays: 6,
    assignee: "reviewer2@expedite.test",
    currentNode: "MATERIAL_CHECK",
    status: "IN_PROGRESS",
    paid: true,
    steps: [
      { node: "SUBMITTED", action: "SUBMITTED", hoursAgo: 5 },
      { node: "MATERIAL_CHECK", action: "ADVANCED", hoursAgo: 4 },
    ],
  },
];
