import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/notifications.json";
import zh from "@/lib/i18n/messages/zh/notifications.json";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { escapeHtml } from "./email-html";
import { renderNotification } from "./render";
import { TEMPLATES, TEMPLATE_NAMES, TemplateError, isTemplateName, messageKeyOf } from "./templates";

const APP_URL = "https://expedite.example/app/";
const NUMBER = "EX26-ABCD-2345-K";
const ACCOUNT_PATH = "/confirm-email?token=abc_DEF-123";

function render(
  template: string,
  locale: string,
  payload: unknown = { number: NUMBER, node: "MATERIAL_CHECK" },
) {
  return renderNotification({ template, locale, payload, appUrl: APP_URL });
}

describe("renderNotification", () => {
  for (const locale of ["en", "zh"] as const) {
    for (const template of TEMPLATE_NAMES) {
      it(`renders ${template} in ${locale} completely`, () => {
        const account = TEMPLATES[template].audience === "account";
        const paging = TEMPLATES[template].audience === "page";
        const message = render(
          template,
          locale,
          account ? { path: ACCOUNT_PATH } : paging ? { number: NUMBER, path: ACCOUNT_PATH } : undefined,
        );
        expect(message.locale).toBe(locale);
        for (const part of [message.title, message.body, message.text, message.html, message.sms]) {
          expect(part.length).toBeGreaterThan(0);
          // A placeholder left unrendered (or a missing key echoed back) would show up as braces or the key.
          expect(part).not.toMatch(/[{}]/);
          expect(part).not.toContain("notifications.");
        }
        if (account || paging) expect(message.link).toBe(`https://expedite.example/app${ACCOUNT_PATH}`);
        if (!account)
          for (const part of [message.title, message.text, message.html, message.sms])
            expect(part).toContain(NUMBER);
        expect(message.text).toContain(message.link);
        expect(message.html).toContain(`href="${message.link}"`);
      });
    }
  }

  it("speaks the row's language, and Chinese when the row names another", () => {
    expect(render("case.approved", "en").title).toBe(`Application ${NUMBER} approved`);
    expect(render("case.approved", "zh").title).toBe(`申请 ${NUMBER} 已获批准`);
    expect(render("case.approved", "fr").locale).toBe("zh");
    expect(render("case.approved", "en").html).toContain('<html lang="en">');
    expect(render("case.approved", "zh").html).toContain('<html lang="zh-CN">');
  });

  it("tells a night-time applicant when work starts, in the service's zone (decision 035)", () => {
    const payload = { number: NUMBER, startsAt: "2026-03-11T00:00:00.000Z" };
    expect(render("application.received", "en", payload).body).toContain(
      "starts at 11 Mar 2026, 08:00 GMT+8",
    );
    expect(render("application.received", "zh", payload).body).toContain("08:00");
    expect(render("application.received", "en", { number: NUMBER }).body).not.toMatch(/starts|tonight/);
  });

  it("names the node through the nodes messages", () => {
    expect(render("case.advanced", "en").body).toBe("Your application is now at the step “Material check”.");
    expect(render("case.advanced", "zh").body).toBe("您的申请当前处于“材料审核”环节。");
  });

  it("links applicants to their case page and staff to the console, under APP_URL's path", () => {
    expect(render("case.approved", "en").link).toBe(
      `https://expedite.example/app/portal/applications/${NUMBER}`,
    );
    expect(render("staff.assigned", "en").link).toBe(`https://expedite.example/app/console/cases/${NUMBER}`);
  });

  it("shows nothing of the payload beyond the number and the node", () => {
    const payload = {
      number: NUMBER,
      node: "DECISION",
      idNumber: "110105199003071234",
      internalNote: "SECRET-NOTE",
      reference: "PAY-REF-9",
    };
    for (const template of TEMPLATE_NAMES) {
      const message = render(
        template,
        "en",
        TEMPLATES[template].audience === "account" || TEMPLATES[template].audience === "page"
          ? { ...payload, path: ACCOUNT_PATH }
          : payload,
      );
      for (const part of [message.title, message.body, message.text, message.html, message.sms]) {
        expect(part).not.toContain("110105199003071234");
        expect(part).not.toContain("SECRET-NOTE");
        expect(part).not.toContain("PAY-REF-9");
      }
    }
  });

  it("escapes payload values in the HTML and encodes them in the link", () => {
    const hostile = `<img src=x onerror="alert(1)">&'`;
    const message = render("case.rejected", "en", { number: hostile });
    expect(message.html).not.toContain("<img");
    expect(message.html).toContain(escapeHtml(hostile));
    expect(message.link).toBe(
      `https://expedite.example/app/portal/applications/${encodeURIComponent(hostile)}`,
    );
    // The plain text is not HTML: it keeps the value as it is.
    expect(message.text).toContain(hostile);
  });

  it("refuses what it cannot render, as a TemplateError", () => {
    expect(() => render("case.unknown", "en")).toThrow(TemplateError);
    expect(() => render("case.approved", "en", { node: "DECISION" })).toThrow(TemplateError);
    expect(() => render("case.advanced", "en", { number: NUMBER })).toThrow(TemplateError);
    expect(() => render("case.advanced", "en", { number: NUMBER, node: "NOWHERE" })).toThrow(TemplateError);
    expect(() => render("toString", "en")).toThrow(TemplateError);
  });

  it("links account messages only to a path of the app", () => {
    for (const path of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(() => render("account.confirmEmail", "en", { path }), path).toThrow(TemplateError);
    }
    expect(() => render("account.exists", "en", { number: NUMBER })).toThrow(TemplateError);
    expect(render("account.exists", "zh", { path: "/signin" }).text).not.toContain("申请编号");
  });
});

describe("templates", () => {
  it("has texts for exactly the known templates, in both languages", () => {
    const expected = TEMPLATE_NAMES.map(messageKeyOf).sort();
    expect(Object.keys(en.templates).sort()).toEqual(expected);
    expect(Object.keys(zh.templates).sort()).toEqual(expected);
  });

  it("covers every template the workflow queues", () => {
    for (const rule of TRANSITIONS)
      expect([rule.name, isTemplateName(rule.notify)]).toEqual([rule.name, true]);
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("the expedited notice", () => {
  it("gives the new expected time in the service's zone, or points to the case page without one", () => {
    const base = { template: "case.expedited", appUrl: "https://expedite.example" };
    const withTime = renderNotification({
      ...base,
      locale: "en",
      payload: { number: "EX0000000", node: "MATERIAL_CHECK", expectedAt: "2026-11-22T02:00:00.000Z" },
    });
    expect(withTime.body).toMatch(/the new expected time is 22 Nov 2026, 10:00 GMT\+8\.$/);
    const zh = renderNotification({
      ...base,
      locale: "zh",
      payload: { number: "EX0000000", node: "MATERIAL_CHECK", expectedAt: "2026-11-22T02:00:00.000Z" },
    });
    expect(zh.body).toContain("2026年11月22日 中国标准时间 10:00");
    const without = renderNotification({
      ...base,
      locale: "en",
      payload: { number: "EX0000000", node: "MATERIAL_CHECK" },
    });
    expect(without.body).toMatch(/the new expected time is shown on your case page\.$/);
  });
});
