import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { formatMoney, quoteFee } from "@/lib/catalog/fees";
import { db } from "@/lib/db";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/messages";
import { createTestService } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { performTransition } from "@/lib/workflow/mutations";
import {
  REFUND_WORKING_DAYS,
  RULE_CAUSE,
  feeOutcome,
  passedMaterialCheck,
  refundRules,
} from "./refund-policy";
import { HOUR, NOW, makeCase, refundRows } from "./refunds.fixtures";

// One source for what applicants are told and what the code does: the refund rules (refundRules)
// are rendered before paying and on the case page, and the automatic refunds are recorded from
// the same rules. This file ties the three together.

withTestDatabase();

let serviceId = "";
beforeAll(async () => {
  serviceId = await createTestService();
});

const FEE = quoteFee({ baseFeeMinor: 10_000, surchargeMinor: 5_000 });

describe("the refund policy text", () => {
  it("has a rule text per rule, with the amount the code refunds, and the days the code uses", async () => {
    for (const locale of ["zh", "en"] as const) {
      const t = createTranslator({
        locale,
        messages: await loadMessages(locale),
        namespace: "payment.refund",
      });
      for (const rule of refundRules(FEE)) {
        const amount = formatMoney(rule.amountMinor, "CNY", locale);
        const text = t(rule.id as never, { amount } as never);
        if (rule.amountMinor > 0) expect(text).toContain(amount);
      }
      expect(t("how" as never, { days: REFUND_WORKING_DAYS } as never)).toContain(
        String(REFUND_WORKING_DAYS),
      );
      const fee = createTranslator({ locale, messages: await loadMessages(locale), namespace: "case.fee" });
      for (const [rule, cause] of Object.entries(RULE_CAUSE)) {
        expect(fee.has(`due.${rule}` as never)).toBe(true);
        expect(fee.has(`refunds.cause.${cause}` as never)).toBe(true);
      }
    }
  });
});

type Scenario = {
  name: string;
  node: WorkflowNode;
  history: WorkflowNode[];
  dueInHours: number;
  close: "WITHDRAW" | "REJECT" | "APPROVE";
};

const SCENARIOS: Scenario[] = [
  {
    name: "withdrawn before the check",
    node: "MATERIAL_CHECK",
    history: [],
    dueInHours: 5,
    close: "WITHDRAW",
  },
  {
    name: "withdrawn before the check, late",
    node: "MATERIAL_CHECK",
    history: [],
    dueInHours: -5,
    close: "WITHDRAW",
  },
  {
    name: "withdrawn after the check, in time",
    node: "SUBSTANTIVE_REVIEW",
    history: ["SUBSTANTIVE_REVIEW"],
    dueInHours: 5,
    close: "WITHDRAW",
  },
  {
    name: "withdrawn after the check, late",
    node: "SUBSTANTIVE_REVIEW",
    history: ["SUBSTANTIVE_REVIEW"],
    dueInHours: -5,
    close: "WITHDRAW",
  },
  { name: "rejected in time", node: "DECISION", history: ["DECISION"], dueInHours: 5, close: "REJECT" },
  { name: "rejected late", node: "DECISION", history: ["DECISION"], dueInHours: -5, close: "REJECT" },
];

describe("the automatic refunds record what the policy tells the applicant", () => {
  it.each(SCENARIOS)("$name", async (scenario) => {
    const application = await makeCase(serviceId, {
      node: scenario.node,
      history: scenario.history,
      caseDueAt: new Date(NOW.getTime() + scenario.dueInHours * HOUR),
    });
    const viewer: Viewer = scenario.close === "WITHDRAW" ? application.applicant : application.reviewer;
    await performTransition({
      applicationId: application.id,
      expectedVersion: application.version,
      viewer,
      transition: scenario.close,
      input: { publicNote: "Closing." },
      now: NOW,
    });
    const closed = await db.application.findUniqueOrThrow({
      where: { id: application.id },
      select: { status: true, caseDueAt: true, closedAt: true, timeline: { select: { node: true } } },
    });
    // What the case page says, from the rules, as if nothing had been paid out yet.
    const told = feeOutcome({
      status: closed.status,
      paymentStatus: "PAID",
      fee: FEE,
      materialCheckDone: passedMaterialCheck(closed.timeline.map((event) => event.node)),
      caseDueAt: closed.caseDueAt,
      closedAt: closed.closedAt,
      refundedMinor: null,
      refundedAt: null,
    });
    const recorded = (await refundRows(application.id)).map((row) => ({
      cause: row.cause,
      amountMinor: row.amountMinor,
    }));
    expect(recorded).toEqual(
      told?.kind === "refundDue" ? [{ cause: RULE_CAUSE[told.rule], amountMinor: told.amountMinor }] : [],
    );
  });
});
