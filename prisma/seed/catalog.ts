import type { EvidenceKind, UrgencyTier, WorkflowNode } from "../../lib/generated/prisma/enums";

type TierSeed = { tier: UrgencyTier; surchargeMinor: number; processingHours: number };
type EvidenceSeed = { kind: EvidenceKind; zh: string; en: string; required?: boolean };

export type ServiceSeed = {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  baseFeeMinor: number;
  requiresExpertReview?: boolean;
  tiers: TierSeed[];
  evidence: EvidenceSeed[];
};

/** Share of a tier's processing time each node may take (the SLA targets admins can tune later). */
export const NODE_TARGET_SHARES: Partial<Record<WorkflowNode, number>> = {
  MATERIAL_CHECK: 0.1,
  SUBSTANTIVE_REVIEW: 0.35,
  EXPERT_REVIEW: 0.2,
  DECISION: 0.15,
  RESULT_NOTIFIED: 0.05,
  DOCUMENT_ISSUED: 0.15,
};

const ID_PROOF: EvidenceSeed = {
  kind: "ID_PROOF",
  zh: "身份证件（正反面）",
  en: "Identity document (both sides)",
};

export const DEMO_SERVICES: ServiceSeed[] = [
  {
    code: "passport-renewal",
    nameZh: "护照加急换发",
    nameEn: "Passport urgent renewal",
    descriptionZh: "因紧急出行需要尽快换发护照，例如探望重病亲属、紧急公务。",
    descriptionEn:
      "Renew a passport fast for urgent travel, such as visiting a seriously ill relative or urgent business.",
    baseFeeMinor: 12000,
    tiers: [
      { tier: "STANDARD", surchargeMinor: 0, processingHours: 360 },
      { tier: "URGENT", surchargeMinor: 10000, processingHours: 120 },
      { tier: "EXPRESS", surchargeMinor: 30000, processingHours: 48 },
    ],
    evidence: [
      ID_PROOF,
      { kind: "OTHER", zh: "原护照首页", en: "Photo page of the current passport" },
      {
        kind: "URGENCY_PROOF",
        zh: "行程证明（机票/邀请函/医院证明）",
        en: "Proof of travel (ticket, invitation or hospital letter)",
      },
    ],
  },
  {
    code: "business-licence",
    nameZh: "营业执照加急办理",
    nameEn: "Business licence",
    descriptionZh: "新设或变更营业执照，适用于合同签署、投标截止等时间节点。",
    descriptionEn: "Register or amend a business licence ahead of a contract signing or tender deadline.",
    baseFeeMinor: 30000,
    requiresExpertReview: true,
    tiers: [
      { tier: "STANDARD", surchargeMinor: 0, processingHours: 240 },
      { tier: "URGENT", surchargeMinor: 50000, processingHours: 72 },
      { tier: "EXPRESS", surchargeMinor: 120000, processingHours: 24 },
    ],
    evidence: [
      ID_PROOF,
      { kind: "OTHER", zh: "公司章程与股东决议", en: "Articles of association and shareholder resolution" },
      {
        kind: "URGENCY_PROOF",
        zh: "合同或招标文件（显示截止日期）",
        en: "Contract or tender document showing the deadline",
      },
    ],
  },
  {
    code: "visa-invitation",
    nameZh: "签证邀请函",
    nameEn: "Visa invitation letter",
    descriptionZh: "为来访外宾出具签证邀请函。此服务只提供普通和加急两档。",
    descriptionEn: "An invitation letter for a visiting guest's visa. Offered as standard or urgent only.",
    baseFeeMinor: 5000,
    tiers: [
      { tier: "STANDARD", surchargeMinor: 0, processingHours: 168 },
      { tier: "URGENT", surchargeMinor: 8000, processingHours: 48 },
    ],
    evidence: [
      ID_PROOF,
      { kind: "OTHER", zh: "来访人护照首页", en: "Visitor's passport photo page" },
      { kind: "URGENCY_PROOF", zh: "会议或活动日程", en: "Meeting or event schedule", required: false },
    ],
  },
  {
    code: "medical-appointment",
    nameZh: "专科门诊加急预约",
    nameEn: "Specialist medical appointment",
    descriptionZh: "病情需要时，优先安排专科门诊号源。需提供医生出具的证明。",
    descriptionEn:
      "Priority booking of a specialist appointment when a condition requires it. A doctor's letter is needed.",
    baseFeeMinor: 2000,
    requiresExpertReview: true,
    tiers: [
      { tier: "STANDARD", surchargeMinor: 0, processingHours: 336 },
      { tier: "URGENT", surchargeMinor: 3000, processingHours: 72 },
      { tier: "EXPRESS", surchargeMinor: 8000, processingHours: 24 },
    ],
    evidence: [
      ID_PROOF,
      { kind: "URGENCY_PROOF", zh: "医生证明或转诊单", en: "Doctor's letter or referral" },
      { kind: "OTHER", zh: "既往检查报告", en: "Previous test results", required: false },
    ],
  },
  {
    code: "software-bug-fix",
    nameZh: "紧急软件缺陷修复",
    nameEn: "Urgent software bug fix",
    descriptionZh: "影响生产的软件缺陷，按严重程度加急处理并出具修复说明。",
    descriptionEn:
      "A production-impacting software defect, fixed with priority and delivered with a fix report.",
    baseFeeMinor: 50000,
    tiers: [
      { tier: "STANDARD", surchargeMinor: 0, processingHours: 120 },
      { tier: "URGENT", surchargeMinor: 80000, processingHours: 24 },
      { tier: "EXPRESS", surchargeMinor: 200000, processingHours: 6 },
    ],
    evidence: [
      { kind: "URGENCY_PROOF", zh: "故障描述与影响范围", en: "Incident description and impact" },
      { kind: "OTHER", zh: "日志或截图", en: "Logs or screenshots", required: false },
    ],
  },
];
