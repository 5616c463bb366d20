import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { RequestIdProvider } from "@/components/ui/request-id";
import { SegmentError } from "@/components/ui/segment-error";
import en from "@/lib/i18n/messages/en/errorPage.json";
import zh from "@/lib/i18n/messages/zh/errorPage.json";
import { withRequestReference } from "./error-reference";

// createElement with children as arguments, for providers whose props type requires them.
const nest = createElement as unknown as (
  type: unknown,
  props: object,
  ...children: ReactNode[]
) => ReactElement;

const REQUEST_ID = "3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f";

function errorPage(locale: "en" | "zh", requestId: string | null, digest?: string) {
  const error = Object.assign(new Error("hidden"), digest ? { digest } : {});
  const page = createElement(SegmentError, { error, reset: () => {}, messages: "errorPage" });
  return renderToStaticMarkup(
    nest(
      NextIntlClientProvider,
      { locale, timeZone: "Asia/Shanghai", messages: { errorPage: locale === "en" ? en : zh } },
      nest(RequestIdProvider, { id: requestId }, page),
    ),
  );
}

describe("the error page's references", () => {
  it("shows the request id the root layout handed down, labelled in both languages", () => {
    expect(errorPage("en", REQUEST_ID, "1234567")).toContain(`Request ID: ${REQUEST_ID}`);
    expect(errorPage("en", REQUEST_ID, "1234567")).toContain("Reference: 1234567");
    expect(errorPage("zh", REQUEST_ID)).toContain(`请求编号：${REQUEST_ID}`);
    expect(errorPage("en", null, "1234567")).not.toContain("Request ID");
  });

  it("says it once when the digest already is the request id", () => {
    const html = errorPage("en", REQUEST_ID, REQUEST_ID);
    expect(html.split(REQUEST_ID)).toHaveLength(2);
    expect(html).toContain(`Reference: ${REQUEST_ID}`);
  });

  it("gives a new error the request id as its digest and leaves the shared one alone", () => {
    const shared = new Error("The database is unreachable");
    shared.name = "DatabaseUnavailableError";
    const referenced = withRequestReference(shared, REQUEST_ID) as Error & { digest: string };
    expect(referenced).not.toBe(shared);
    expect(referenced).toMatchObject({ digest: REQUEST_ID, name: "DatabaseUnavailableError", cause: shared });
    expect("digest" in shared).toBe(false);
    expect(withRequestReference(shared, null)).toBe(shared);
  });
});
