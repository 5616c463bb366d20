import { describe, expect, it } from "vitest";
import { isTimeZone, localeFromAcceptLanguage } from "./config";

describe("localeFromAcceptLanguage", () => {
  it("defaults to Chinese without a header", () => {
    expect(localeFromAcceptLanguage(null)).toBe("zh");
    expect(localeFromAcceptLanguage("")).toBe("zh");
  });

  it("picks the highest-ranked supported language", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,zh-CN;q=0.8,en;q=0.5")).toBe("zh");
    expect(localeFromAcceptLanguage("zh;q=0.3,en;q=0.7")).toBe("en");
  });

  it("ignores unsupported languages and q=0", () => {
    expect(localeFromAcceptLanguage("de,fr;q=0.9")).toBe("zh");
    expect(localeFromAcceptLanguage("en;q=0,zh;q=0.1")).toBe("zh");
  });
});

describe("isTimeZone", () => {
  it("accepts IANA zones and rejects junk", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Not/AZone")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});
