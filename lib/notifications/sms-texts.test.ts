import { describe, expect, it } from "vitest";
import { WorkflowNode } from "@/lib/generated/prisma/enums";
import { LOCALES } from "@/lib/i18n/config";
import { ackLinkPath, newPageToken } from "@/lib/paging/page-rules";
import { renderNotification } from "./render";
import { smsSegments } from "./sms-segments";
import { SMS_TEMPLATE_NAMES } from "./templates";

// What a text message may say (issue 16): the short title of what happened, the public number, a
// time and the link; never an ID number, the service's name, or anything about the case (its
// reason, notes, the applicant's name). Texts are read on lock screens and shared phones.

const ID_NUMBER = "110105199003071234";
const HOSTILE = {
  idNumber: ID_NUMBER,
  idNumberMasked: "110***********1234",
  applicantName: "王小明 Wang Xiaoming",
  reason: "My mother is in hospital abroad; SECRET-REASON",
  note: "INTERNAL-NOTE: applicant sounded nervous",
  notes: "INTERNAL-NOTE-2",
  service: "passport-renewal",
  serviceName: "Passport renewal for citizens abroad 护照换发",
  serviceNameZh: "护照换发",
  // Fields the schema knows, filled with what must not show in an applicant's text.
  person: `王小明 ${ID_NUMBER}`,
  count: 987654,
  threshold: 123456,
};
const FORBIDDEN = [
  ID_NUMBER,
  ID_NUMBER.slice(6, 14),
  "110***********1234",
  "王小明",
  "Wang Xiaoming",
  "SECRET-REASON",
  "hospital",
  "INTERNAL-NOTE",
  "passport",
  "Passport",
  "护照",
  "987654",
  "123456",
];
// A realistic public address, the longest node name and a time: the longest text a template makes.
const APP_URL = "https://expedite.example.gov.cn";
const LONGEST = {
  number: "EX1BMYR4ENP",
  node: WorkflowNode.AWAITING_SUPPLEMENT,
  dueAt: "2026-12-07T10:30:00.000Z",
  expectedAt: "2026-12-07T10:30:00.000Z",
  // A page's acknowledge link (decision 036): the path with its token, as newPageToken makes it.
  path: ackLinkPath(newPageToken().token),
};

describe("text messages", () => {
  it("go for exactly the moments the applicant must not miss", () => {
    // The supplement reminder joins with issue 16 item 3 (its own template, also sms: true).
    expect([...SMS_TEMPLATE_NAMES].sort()).toEqual(
      expect.arrayContaining([
        "application.received",
        "case.approved",
        "case.documentIssued",
        "case.expedited",
        "case.rejected",
        "case.supplementRequested",
      ]),
    );
    expect(SMS_TEMPLATE_NAMES).not.toContain("case.noteAdded");
    expect(SMS_TEMPLATE_NAMES).not.toContain("case.advanced");
  });

  for (const template of SMS_TEMPLATE_NAMES)
    for (const locale of LOCALES)
      it(`${template} (${locale}) carries no ID number, service name or case details, in one or two segments`, () => {
        const message = renderNotification({
          template,
          locale,
          payload: { ...HOSTILE, ...LONGEST },
          appUrl: APP_URL,
          timeZone: "Asia/Shanghai",
        });
        const sent = [message.sms, JSON.stringify(message.smsParams)];
        for (const part of sent) for (const secret of FORBIDDEN) expect(part).not.toContain(secret);
        expect(message.sms).toContain("EX-1BM-YR4-ENP");
        expect(Object.keys(message.smsParams).sort()).toEqual([
          ...(message.audience === "page" ? ["link"] : []),
          "number",
          ...(message.smsParams.time ? ["time"] : []),
        ]);
        expect(smsSegments(message.sms)).toBeLessThanOrEqual(2);
      });
});

describe("smsSegments", () => {
  it("counts GSM-7 and UCS-2 texts as carriers do", () => {
    expect(smsSegments("a".repeat(160))).toBe(1);
    expect(smsSegments("a".repeat(161))).toBe(2);
    expect(smsSegments("[".repeat(80))).toBe(1);
    expect(smsSegments("[".repeat(81))).toBe(2);
    expect(smsSegments("加".repeat(70))).toBe(1);
    expect(smsSegments("加".repeat(71))).toBe(2);
    expect(smsSegments("加".repeat(135))).toBe(3);
  });
});
