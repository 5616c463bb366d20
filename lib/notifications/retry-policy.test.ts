import { describe, expect, it } from "vitest";
import { messageIdFor } from "./providers";
import {
  DeliveryError,
  MAX_ATTEMPTS,
  classifySmtpError,
  describeFailure,
  retryDelayMs,
} from "./retry-policy";

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error("Message failed"), fields);

describe("retryDelayMs", () => {
  it("doubles from 30 seconds and stops growing at 30 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual(
      [30, 60, 120, 240, 480, 960, 1800].map((seconds) => seconds * 1000),
    );
    expect(retryDelayMs(MAX_ATTEMPTS)).toBe(30 * 60_000);
    expect(retryDelayMs(1_000)).toBe(30 * 60_000);
    expect(retryDelayMs(0)).toBe(30_000);
  });
});

describe("classifySmtpError", () => {
  it("treats a 5xx reply as permanent", () => {
    expect(classifySmtpError(smtpError({ code: "EENVELOPE", responseCode: 550 })).permanent).toBe(true);
    expect(classifySmtpError(smtpError({ code: "EMESSAGE", responseCode: 552 })).permanent).toBe(true);
  });

  it("treats 4xx replies, connection errors and unknown errors as transient", () => {
    expect(classifySmtpError(smtpError({ code: "EENVELOPE", responseCode: 451 })).permanent).toBe(false);
    expect(classifySmtpError(smtpError({ code: "ECONNECTION" })).permanent).toBe(false);
    expect(classifySmtpError(smtpError({ code: "ETIMEDOUT" })).permanent).toBe(false);
    expect(classifySmtpError(new Error("socket hang up")).permanent).toBe(false);
    expect(classifySmtpError("weird").permanent).toBe(false);
  });

  it("retries authentication failures (a configuration problem, not the message's)", () => {
    expect(classifySmtpError(smtpError({ code: "EAUTH", responseCode: 535 })).permanent).toBe(false);
  });

  it("treats an envelope nodemailer refuses before talking to the server as permanent", () => {
    expect(classifySmtpError(smtpError({ code: "EENVELOPE" })).permanent).toBe(true);
  });

  it("labels the message with the code and the reply, and keeps DeliveryErrors as they are", () => {
    expect(classifySmtpError(smtpError({ code: "EENVELOPE", responseCode: 550 })).message).toBe(
      "EENVELOPE 550: Message failed",
    );
    const own = new DeliveryError("no address", true);
    expect(classifySmtpError(own)).toBe(own);
  });
});

describe("describeFailure", () => {
  it("keeps one bounded line", () => {
    expect(describeFailure(new Error("550 5.1.1\r\n  <x@example.com>: no such user"))).toBe(
      "550 5.1.1 <x@example.com>: no such user",
    );
    expect(describeFailure(new Error("x".repeat(2000)))).toHaveLength(500);
    expect(describeFailure(new Error(""))).toBe("unknown error");
  });
});

describe("messageIdFor", () => {
  it("is derived from the notification and the sender's domain", () => {
    expect(messageIdFor("0b6f2c1e-1111-4222-8333-944455556666", "Expedite <no-reply@mail.example.org>")).toBe(
      "<0b6f2c1e-1111-4222-8333-944455556666@mail.example.org>",
    );
    expect(messageIdFor("n1", "bare@example.com")).toBe("<n1@example.com>");
    expect(messageIdFor("n1", "no address")).toBe("<n1@expedite.local>");
  });
});
