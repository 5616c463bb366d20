import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/catalog/fees";
import { loadMessages } from "@/lib/i18n/messages";
import {
  AUDIT_ACTIONS,
  describeAuditEntry,
  humanize,
  type AuditDomain,
  type DescribeContext,
  type Translate,
} from "./describe-entry";

const REVIEWER = "5b0c8a56-6b8e-4f53-9c63-3a3f6a1c2d01";
const APPLICANT = "7d3e1f20-1111-4c2b-8a9e-2f4b5c6d7e8f";
const CASE = "0f9a8b7c-2222-4d3e-9f1a-1b2c3d4e5f60";
const UNKNOWN = "9e8d7c6b-3333-4a5b-8c7d-6e5f4a3b2c1d";

async function context(locale: "zh" | "en"): Promise<DescribeContext> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return {
    t: t as unknown as Translate,
    people: new Map([
      [REVIEWER, { name: "Rex Reviewer", href: `/console/admin/staff/${REVIEWER}` }],
      [APPLICANT, { name: "张三", href: null }],
    ]),
    cases: new Map([[CASE, "EX01234567R"]]),
    dateTime: (date) => date.toISOString().slice(0, 16).replace("T", " "),
    money: (minor, currency) => formatMoney(minor, currency, locale),
    number: (value) => String(value),
  };
}

/** Lines as plain text, links marked: "label: text[href]". */
function text(described: ReturnType<typeof describeAuditEntry>) {
  return described.lines.map(
    (line) =>
      `${line.label}: ${line.value.map((part) => (part.href ? `${part.text}[${part.href}]` : part.text)).join("")}`,
  );
}

describe("describeAuditEntry", () => {
  it("names a supervisor's rebalance, its way and who got how many, in Chinese words only", async () => {
    const entry = {
      action: "rota.rebalanced",
      details: { mode: "spread", cases: 5, assignees: [{ assigneeId: REVIEWER, cases: 5 }] },
    };
    const zh = describeAuditEntry(entry, await context("zh"));
    expect(zh.action).toBe("主管批量重新分配案件");
    expect(text(zh)).toEqual([
      "方式: 分给值班审核员",
      "案件数: 5",
      `接手人: 分配给：Rex Reviewer[/console/admin/staff/${REVIEWER}]、案件数：5`,
    ]);
  });

  it("names a workflow step change with the steps' names, and leaves out nulls and internal ids", async () => {
    const entry = {
      action: "workflow.ADVANCE",
      details: {
        number: "EX01234567R",
        from: "MATERIAL_CHECK",
        to: "DECISION",
        version: 3,
        supplementRequestId: null,
      },
    };
    const en = describeAuditEntry(entry, await context("en"));
    expect(en.action).toBe("Moved to the next step");
    expect(text(en)).toEqual(["Change: Material check → Decision"]);
    const zh = describeAuditEntry(entry, await context("zh"));
    expect(zh.action).toBe("推进到下一步");
    expect(text(zh)).toEqual(["变更: 材料审核 → 审批决定"]);
  });

  it("names people, with a link to a staff member's page and only the name of an applicant", async () => {
    const en = describeAuditEntry(
      {
        action: "rota.autoAssigned",
        details: {
          number: "X",
          previousAssigneeId: null,
          assigneeId: REVIEWER,
          reason: "returned",
          openCases: 2,
        },
      },
      await context("en"),
    );
    expect(en.action).toBe("Assigned automatically to the reviewer on duty");
    expect(text(en)).toEqual([
      `Assigned to: Rex Reviewer[/console/admin/staff/${REVIEWER}]`,
      "Why: Back from the applicant",
      "Open cases they had: 2",
    ]);
    const recipients = describeAuditEntry(
      { action: "sla.warned", details: { recipients: [REVIEWER, APPLICANT, UNKNOWN], applicationId: CASE } },
      await context("zh"),
    );
    expect(recipients.action).toBe("发出期限预警");
    expect(recipients.lines[0]!.value).toEqual([
      { text: "Rex Reviewer", href: `/console/admin/staff/${REVIEWER}` },
      { text: "、" },
      { text: "张三" },
    ]);
    // A case id reads as its number and opens the case.
    expect(text(recipients)[1]).toBe("案件: EX-012-345-67R[/console/cases/EX01234567R]");
  });

  it("reads roles, money, times, yes/no and field changes in words", async () => {
    const ctx = await context("en");
    expect(
      text(
        describeAuditEntry(
          { action: "staff.roleChanged", details: { from: "REVIEWER", to: "SUPERVISOR" } },
          ctx,
        ),
      ),
    ).toEqual(["Change: Reviewer → Supervisor"]);
    expect(
      text(
        describeAuditEntry(
          {
            action: "payment.recorded",
            details: { provider: "demo", amountMinor: 12345, currency: "CNY", reference: "R1" },
          },
          ctx,
        ),
      ),
    ).toEqual(["Paid through: demo", "Amount: ¥123.45", "Reference: R1"]);
    expect(
      text(
        describeAuditEntry(
          {
            action: "catalog.tierUpdated",
            details: {
              code: "passport",
              tier: "URGENT",
              changes: {
                "targets.DECISION": { from: 60, to: 90 },
                active: { from: false, to: true },
                nameEn: { from: "A", to: "A" },
              },
            },
          },
          ctx,
        ),
      ),
    ).toEqual([
      "Service code: passport",
      "Tier: Urgent",
      "Target time, Decision (minutes): 60 → 90",
      "Offered: No → Yes",
    ]);
    expect(
      text(
        describeAuditEntry(
          { action: "sla.warned", details: { dueAt: "2026-03-10T08:00:00.000Z", expectedAt: null } },
          ctx,
        ),
      ),
    ).toEqual(["Step due: 2026-03-10 08:00"]);
  });

  it("omits empty details entirely, and ids that name nothing the reader could open", async () => {
    const ctx = await context("en");
    for (const details of [
      null,
      {},
      { supplementRequestId: null, note: "", list: [] },
      { requirementId: UNKNOWN, recipients: [UNKNOWN] },
    ])
      expect(describeAuditEntry({ action: "staff.passwordReset", details }, ctx).lines).toEqual([]);
  });

  it("still reads an action this build has no name for, in words and in the viewer's language", async () => {
    const en = describeAuditEntry(
      { action: "workflow.ESCALATE_TO_DIRECTOR", details: { someFutureField: "x" } },
      await context("en"),
    );
    expect(en.action).toBe("Case workflow: Escalate to director");
    expect(text(en)).toEqual(["Some future field: x"]);
    expect(
      describeAuditEntry({ action: "billing.invoiceSent", details: null }, await context("zh")).action,
    ).toBe("Billing：Invoice sent");
    expect(describeAuditEntry({ action: "odd", details: null }, await context("en")).action).toBe("Odd: Odd");
    expect(humanize("tierUpdated")).toBe("Tier updated");
  });

  it("has a name for every action the code writes, in both languages", async () => {
    for (const locale of ["zh", "en"] as const) {
      const ctx = await context(locale);
      for (const domain of Object.keys(AUDIT_ACTIONS) as AuditDomain[])
        for (const name of AUDIT_ACTIONS[domain]) {
          const key = `admin.audit.actions.${domain}.${name}`;
          expect([key, ctx.t.has(key)]).toEqual([key, true]);
        }
    }
  });
});
