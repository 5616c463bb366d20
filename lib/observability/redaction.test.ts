import { describe, expect, it } from "vitest";
import { createLogger, type Logger } from "./logger";
import { REDACTED, scrubLine } from "./redaction";

// Everything goes through the real logger into a capturing stream, then the output is grepped for
// the raw values: what a log shipper would receive is exactly what is checked.

const ID_NUMBER = "11010519900307123X";
const ID_NUMBER_DIGITS = "440308199901014517";
const MOBILE = "13812345678";
const MOBILE_PLUS = "+86 13912345678";
const INTERNATIONAL = "+44 20 7946 0958";
const EMAIL = "li.wei+urgent@example.com.cn";
const PASSWORD = "correct horse battery staple 2026";
const TOKEN = "tok_9f8e7d6c5b4a39281706";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const SESSION = "s3ss10n-value-that-is-long-and-secret";
const BASIC = "dXNlcjpwYXNzd29yZA==";

const RAW_VALUES = [
  ID_NUMBER,
  ID_NUMBER_DIGITS,
  MOBILE,
  "13912345678",
  "7946 0958",
  EMAIL,
  "example.com.cn",
  PASSWORD,
  TOKEN,
  JWT,
  SESSION,
  BASIC,
];

function capture(): { log: Logger; text: () => string; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const log = createLogger({ processType: "web", level: "trace", write: (line) => written.push(line) });
  return {
    log,
    text: () => written.join(""),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function expectNoRawValue(text: string) {
  for (const value of RAW_VALUES) expect(text, `leaked ${value}`).not.toContain(value);
  expect(text).toContain(REDACTED);
}

describe("log redaction", () => {
  it("redacts secret keys at any depth, and values in keys it does not know", () => {
    const { log, text, lines } = capture();
    log.info(
      {
        user: { email: EMAIL, password: PASSWORD, profile: { mobilePhone: MOBILE, idNumber: ID_NUMBER } },
        headers: { cookie: `next-auth.session-token=${SESSION}`, authorization: `Bearer ${TOKEN}` },
        req: { headers: { cookie: `a=${SESSION}`, authorization: `Basic ${BASIC}` } },
        list: [{ resetToken: TOKEN }, { apiKey: TOKEN }],
        note: `call ${MOBILE_PLUS} or ${INTERNATIONAL}, ID ${ID_NUMBER_DIGITS}`,
        raw: Buffer.from(`${EMAIL} ${ID_NUMBER}`),
        toAddress: MOBILE,
      },
      "applicant details",
    );
    expectNoRawValue(text());
    expect(lines()[0]).toMatchObject({ msg: "applicant details", process_type: "web" });
  });

  it("scrubs free text: the message, an error's message and stack, nested causes", () => {
    const { log, text, lines } = capture();
    log.info(`sign-in for ${EMAIL} from ${MOBILE} with password=${PASSWORD.split(" ")[0]}x`);
    log.info(`GET /signin/unlock?token=${TOKEN}&lang=en`);
    log.info(`Cookie: next-auth.session-token=${SESSION}; theme=dark`);
    log.warn(`upstream answered 401 to Authorization: Basic ${BASIC}`);
    const error = new Error(`duplicate key (id_number_hash)=(x) for ${ID_NUMBER} <${EMAIL}>`, {
      cause: new Error(`SMTP 550 mailbox ${EMAIL} unavailable; jwt ${JWT}`),
    });
    log.error(error);
    log.error({ err: error, phone: MOBILE }, "delivery failed");
    const output = text();
    expectNoRawValue(output);
    expect(output).not.toContain(`${PASSWORD.split(" ")[0]}x`);
    const [, , , , plain, withContext] = lines();
    // The error stays an error: type and stack survive, only the values inside are gone.
    expect(plain).toMatchObject({ err: { type: "Error" } });
    expect(String((withContext!.err as { stack: string }).stack)).toContain("redaction.test.ts");
    expect(withContext).toMatchObject({ phone: REDACTED, msg: "delivery failed" });
  });

  it("keeps what people need to read: case numbers, dates, ids, amounts, durations", () => {
    const { log, lines, text } = capture();
    const requestId = "5e0f8a35-1c2d-4b6e-9a7f-a13812345678";
    log.info(
      {
        caseNumber: "EX-20261205-0001",
        at: "2026-12-05T08:15:00.000Z",
        requestId,
        amountMinor: 12345678,
        durationMs: 13812,
        digest: "1381234567",
        epochMs: 1764921600000,
      },
      "case EX-20261205-0001 moved on 2026-12-05",
    );
    expect(lines()[0]).toMatchObject({
      caseNumber: "EX-20261205-0001",
      at: "2026-12-05T08:15:00.000Z",
      requestId,
      amountMinor: 12345678,
      durationMs: 13812,
      digest: "1381234567",
      epochMs: 1764921600000,
      msg: "case EX-20261205-0001 moved on 2026-12-05",
    });
    expect(text()).not.toContain(REDACTED);
  });

  it("finds an ID number or phone right after an escaped newline in a stack", () => {
    // In JSON, "\n" is a backslash and a letter; the number after it must still count as a word start.
    expect(scrubLine(String.raw`{"stack":"Error\n${ID_NUMBER}\n${MOBILE}\tend"}`)).toBe(
      String.raw`{"stack":"Error\n${REDACTED}\n${REDACTED}\tend"}`,
    );
  });
});
