import { describe, expect, it } from "vitest";
import { renderNotification } from "./render";
import { TEMPLATES, TEMPLATE_NAMES } from "./templates";

// Issue 15 item 8: messages write the number and times as the pages do.
const NUMBER = "EX1BMYR4ENP";
const DISPLAY = "EX-1BM-YR4-ENP";
const APP_URL = "https://expedite.example";
// 18:30 in Shanghai, the 7th; 10:30 UTC. A US-style English date would read "Dec 7, 2026, 6:30 PM".
const DUE = "2026-12-07T10:30:00.000Z";

const render = (template: string, locale: string, payload: Record<string, string>) =>
  renderNotification({ template, locale, payload, appUrl: APP_URL, timeZone: "Asia/Shanghai" });

describe("the application number in messages", () => {
  for (const locale of ["en", "zh"] as const)
    // Pages (lib/paging) link to their acknowledge page, not the case: render.test.ts covers them.
    for (const template of TEMPLATE_NAMES.filter(
      (name) => TEMPLATES[name].audience !== "account" && TEMPLATES[name].audience !== "page",
    ))
      it(`${template} (${locale}) writes ${DISPLAY} and links with the canonical number`, () => {
        const message = render(template, locale, { number: NUMBER, node: "MATERIAL_CHECK" });
        for (const part of [message.title, message.body, message.text, message.html, message.sms]) {
          // The canonical spelling appears only inside the link, never as text a person reads.
          expect(part.replaceAll(message.link, "")).not.toContain(NUMBER);
        }
        for (const part of [message.title, message.text, message.html, message.sms])
          expect(part).toContain(DISPLAY);
        expect(message.link).toMatch(new RegExp(`/${NUMBER}$`));
      });
});

describe("due times in messages", () => {
  it("the supplement request says by when, in English in the British order", () => {
    const message = render("case.supplementRequested", "en", { number: NUMBER, dueAt: DUE });
    expect(message.title).toBe(
      `Application ${DISPLAY}: material is needed from you by 7 Dec 2026, 18:30 GMT+8`,
    );
    expect(message.body).toBe(
      "To continue, we need additional material from you by 7 Dec 2026, 18:30 GMT+8. Sign in to see what is missing.",
    );
    // The text message carries the title, so the deadline reaches a phone too.
    expect(message.sms).toContain("by 7 Dec 2026, 18:30 GMT+8");
    expect(message.text).toContain("by 7 Dec 2026, 18:30 GMT+8");
  });

  it("the supplement request says by when, in Chinese without Latin letters", () => {
    const message = render("case.supplementRequested", "zh", { number: NUMBER, dueAt: DUE });
    expect(message.title).toBe(`申请 ${DISPLAY} 需要您在 2026年12月7日 中国标准时间 18:30 前补正材料`);
    expect(message.body).toBe(
      "为继续办理，需要您在 2026年12月7日 中国标准时间 18:30 前补充材料。请登录查看需要补充的内容。",
    );
    expect(message.sms).toContain("2026年12月7日 中国标准时间 18:30");
  });

  it("writes the time in the service's zone", () => {
    const london = renderNotification({
      template: "case.supplementRequested",
      locale: "en",
      payload: { number: NUMBER, dueAt: DUE },
      appUrl: APP_URL,
      timeZone: "Europe/London",
    });
    expect(london.title).toContain("by 7 Dec 2026, 10:30 GMT");
  });

  it("a step's message gives the step's due time", () => {
    const payload = { number: NUMBER, node: "MATERIAL_CHECK", dueAt: DUE };
    expect(render("case.advanced", "en", payload).body).toBe(
      "Your application is now at the step “Material check”, planned to be done by 7 Dec 2026, 18:30 GMT+8.",
    );
    expect(render("case.advanced", "zh", payload).body).toBe(
      "您的申请当前处于“材料审核”环节，计划在 2026年12月7日 中国标准时间 18:30 前完成。",
    );
  });

  it("a staff alert about a late step says when it was due", () => {
    const payload = { number: NUMBER, node: "MATERIAL_CHECK", dueAt: DUE };
    expect(render("sla.overdue", "en", payload).body).toMatch(
      /^The step “Material check” was due at 7 Dec 2026, 18:30 GMT\+8\./,
    );
    expect(render("sla.warning", "zh", payload).body).toBe(
      "“材料审核”环节已用去目标时限的四分之三，将于 2026年12月7日 中国标准时间 18:30 到期，请在到期前推进处理。",
    );
  });

  it("rows queued without a due time keep the texts without one", () => {
    expect(render("case.supplementRequested", "en", { number: NUMBER }).body).toBe(
      "To continue, we need additional material from you. Sign in to see what is missing and by when.",
    );
  });
});
