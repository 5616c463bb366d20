import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import type { RateLimit } from "@/lib/rate-limit/mutations";
import { formData, signedInAs } from "@/lib/testing/action-session";
import { expectLoggedErrors, loggedLines, loggedText } from "@/lib/testing/log-capture";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { wholePath } from "@/lib/validation/field-errors";
import { formAction, refuse, runAction } from "./pipeline";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  }),
}));

withTestDatabase();

const nameSchema = z.object({ name: z.string().trim().min(1, "validation.required") });

function requestHeaders(values: Record<string, string>) {
  vi.mocked(headers).mockResolvedValue(new Headers(values) as never);
}

/** The action log lines written during the test (the logger writes into memory in tests). */
function logLines() {
  return loggedLines().filter((line) => line.event === "action");
}

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
  vi.mocked(redirect).mockClear();
  requestHeaders({});
});

describe("the Server Action pipeline", () => {
  it("refuses a visitor or a wrong role before reading the input or running", async () => {
    const run = vi.fn(async () => "done");
    const fields = vi.fn((form: FormData) => Object.fromEntries(form));
    const signedIn = formAction({
      name: "test.signedIn",
      access: "signedIn",
      schema: nameSchema,
      fields,
      run,
    });
    const adminsOnly = formAction({
      name: "test.admins",
      access: (viewer) => viewer.role === "ADMIN",
      schema: nameSchema,
      fields,
      run,
    });

    // No live session: "sign in again", typed so every form can offer the way back (not "not allowed").
    await signedInAs(null);
    expect(await signedIn(null, formData({ name: "x" }))).toEqual({
      ok: false,
      message: "errors.sessionExpired",
      code: "sessionExpired",
    });
    expect(await adminsOnly(null, formData({ name: "x" }))).toEqual(sessionExpired());
    await signedInAs("REVIEWER");
    expect(await adminsOnly(null, formData({ name: "x" }))).toEqual({
      ok: false,
      message: "errors.notAuthorized",
    });
    expect(fields).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(logLines().map((line) => line.outcome)).toEqual(["unauthorized", "unauthorized", "unauthorized"]);

    await signedInAs("ADMIN");
    expect(await adminsOnly(null, formData({ name: "x" }))).toEqual({ ok: true, data: "done" });
  });

  it("reads no session at all for a public action", async () => {
    const action = formAction({
      name: "test.public",
      access: "public",
      schema: nameSchema,
      run: async ({ viewer, data }) => ({ viewer, name: data.name }),
    });
    expect(await action(null, formData({ name: " Ada " }))).toEqual({
      ok: true,
      data: { viewer: null, name: "Ada" },
    });
    expect(getCurrentUser).not.toHaveBeenCalled();
  });

  it("refuses an argument that is not FormData, and invalid input with field errors", async () => {
    await signedInAs("APPLICANT");
    const run = vi.fn(async () => null);
    const action = formAction({ name: "test.form", access: "signedIn", schema: nameSchema, run });
    for (const hostile of [null, "name=x", { name: "x" }, 42])
      expect(await action(null, hostile as never)).toEqual({ ok: false, message: "errors.malformedRequest" });
    expect(await action(null, formData({ name: "  " }))).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { name: ["validation.required"] },
    });
    expect(run).not.toHaveBeenCalled();

    const nested = formAction({
      name: "test.nested",
      access: "signedIn",
      schema: z.object({ targets: z.object({ EXPRESS: z.string().min(1, "validation.required") }) }),
      fields: (form) => ({ targets: { EXPRESS: form.get("targets.EXPRESS") ?? "" } }),
      fieldKey: wholePath,
      run,
    });
    expect(await nested(null, formData({}))).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { "targets.EXPRESS": ["validation.required"] },
    });
    expect(logLines().map((line) => line.outcome)).toEqual([
      ...Array(4).fill("malformed"),
      "invalid",
      "invalid",
    ]);
  });

  it("passes a value to the schema as it is when called from code", async () => {
    await signedInAs("APPLICANT");
    const remove = (input: unknown) =>
      runAction(input, {
        name: "test.remove",
        access: "signedIn",
        schema: z.uuid(),
        run: async ({ data }) => ({ id: data }),
      });
    const id = randomUUID();
    expect(await remove(id)).toEqual({ ok: true, data: { id } });
    expect(await remove({ id })).toMatchObject({ ok: false, message: "errors.checkFields" });
  });

  it("asks the authorization hook with the parsed input before running", async () => {
    const viewer = await signedInAs("APPLICANT");
    const run = vi.fn(async () => "ran");
    const authorize = vi.fn(({ data }: { data: { name: string } }) => data.name === "mine");
    const action = formAction({
      name: "test.authorize",
      access: "signedIn",
      schema: nameSchema,
      authorize,
      run,
    });
    expect(await action(null, formData({ name: "theirs" }))).toEqual({
      ok: false,
      message: "errors.notAuthorized",
    });
    expect(run).not.toHaveBeenCalled();
    expect(await action(null, formData({ name: "mine" }))).toEqual({ ok: true, data: "ran" });
    expect(authorize).toHaveBeenLastCalledWith(expect.objectContaining({ viewer, data: { name: "mine" } }));
  });

  it("turns expected refusals into results: UserFacingError, NotAuthorizedError, own shapes", async () => {
    await signedInAs("APPLICANT");
    const failWith = (error: Error) =>
      formAction({
        name: "test.refused",
        access: "signedIn",
        schema: nameSchema,
        run: async () => {
          throw error;
        },
      });
    expect(
      await failWith(new UserFacingError("case.errors.x", { note: ["validation.tooLong"] }))(
        null,
        formData({ name: "x" }),
      ),
    ).toEqual({ ok: false, message: "case.errors.x", fieldErrors: { note: ["validation.tooLong"] } });
    expect(await failWith(new NotAuthorizedError())(null, formData({ name: "x" }))).toMatchObject({
      ok: false,
      message: "errors.notAuthorized",
    });

    class TooSoon extends UserFacingError {
      constructor(readonly at: string) {
        super("case.followUp.tooSoon");
      }
    }
    const own = formAction({
      name: "test.own",
      access: "signedIn",
      schema: nameSchema,
      run: async ({ data }): Promise<string> => {
        if (data.name === "soon") throw new TooSoon("2026-12-05T12:00:00.000Z");
        return "never";
      },
      onRefused: (error) =>
        error instanceof TooSoon
          ? { ok: false as const, message: error.messageKey, nextAllowedAt: error.at }
          : undefined,
    });
    expect(await own(null, formData({ name: "soon" }))).toEqual({
      ok: false,
      message: "case.followUp.tooSoon",
      nextAllowedAt: "2026-12-05T12:00:00.000Z",
    });

    const throttled = formAction({
      name: "test.refuse",
      access: "signedIn",
      schema: nameSchema,
      run: async () => refuse({ ok: false as const, message: "track.throttled", retryAfterSeconds: 60 }),
    });
    expect(await throttled(null, formData({ name: "x" }))).toEqual({
      ok: false,
      message: "track.throttled",
      retryAfterSeconds: 60,
    });
    expect(logLines().map((line) => line.outcome)).toEqual(["refused", "refused", "refused", "refused"]);
  });

  it("logs an unexpected error as one line without its message and throws it on", async () => {
    await signedInAs("APPLICANT");
    expectLoggedErrors();
    const action = formAction({
      name: "test.broken",
      access: "signedIn",
      schema: nameSchema,
      run: async () => {
        throw new TypeError("secret 11010519900307123X in a query");
      },
    });
    await expect(action(null, formData({ name: "x" }))).rejects.toThrow(TypeError);
    expect(loggedText()).not.toContain("11010519900307123X");
    expect(loggedText()).not.toContain("in a query");
    expect(logLines()).toEqual([
      expect.objectContaining({ action: "test.broken", outcome: "error", error: "TypeError", level: 50 }),
    ]);
  });

  it("writes exactly one line per call: name, outcome, duration and a plausible request id", async () => {
    await signedInAs("APPLICANT");
    const action = formAction({
      name: "test.logged",
      access: "signedIn",
      schema: nameSchema,
      run: async () => null,
    });
    requestHeaders({ "x-request-id": "req-42.a:b" });
    await action(null, formData({ name: "x" }));
    requestHeaders({ "x-request-id": '"} {"forged":true' });
    await action(null, formData({ name: "x" }));
    expect(logLines()).toHaveLength(2);
    const [first, second] = logLines();
    expect(first).toMatchObject({
      level: 30,
      process_type: "web",
      event: "action",
      action: "test.logged",
      outcome: "ok",
      durationMs: expect.any(Number),
      requestId: "req-42.a:b",
    });
    expect(second).toMatchObject({ outcome: "ok", requestId: null });
  });

  it("reserves rate-limited attempts before running, and can give them back on success", async () => {
    const limit: RateLimit = { name: "pipeline-test", burst: 2, intervalSeconds: 600 };
    const ip = "203.0.113.9";
    requestHeaders({ "x-forwarded-for": ip });
    const key = randomUUID();
    const run = vi.fn(async ({ data }: { data: { name: string } }) => {
      if (data.name === "fail") throw new UserFacingError("errors.x");
      return data.name;
    });
    const limited = (releaseOnSuccess: boolean) =>
      formAction({
        name: "test.limited",
        access: "public",
        schema: nameSchema,
        rateLimit: {
          checks: (context) => {
            expect(context.ip).toBe(ip);
            return [{ limit, key: `${key}-${releaseOnSuccess}` }];
          },
          message: "auth.registerThrottled",
          releaseOnSuccess,
        },
        run,
      });

    const spends = limited(false);
    expect(await spends(null, formData({ name: "a" }))).toEqual({ ok: true, data: "a" });
    expect(await spends(null, formData({ name: "b" }))).toEqual({ ok: true, data: "b" });
    expect(await spends(null, formData({ name: "c" }))).toEqual({
      ok: false,
      message: "auth.registerThrottled",
    });
    expect(run).toHaveBeenCalledTimes(2);

    const givesBack = limited(true);
    for (const name of ["a", "b", "c", "d"])
      expect(await givesBack(null, formData({ name }))).toEqual({ ok: true, data: name });
    // Failures keep their attempt: two of them use the burst up.
    await givesBack(null, formData({ name: "fail" }));
    await givesBack(null, formData({ name: "fail" }));
    expect(await givesBack(null, formData({ name: "e" }))).toEqual({
      ok: false,
      message: "auth.registerThrottled",
    });
    expect(logLines().at(-1)).toMatchObject({ outcome: "throttled" });
  });

  it("redirects after success, after the log line, never on a refusal", async () => {
    await signedInAs("APPLICANT");
    const action = formAction({
      name: "test.redirect",
      access: "signedIn",
      schema: nameSchema,
      run: async ({ data }) => {
        if (data.name === "no") throw new UserFacingError("errors.x");
        return `/portal/${data.name}`;
      },
      redirectTo: (target) => target,
    });
    await expect(action(null, formData({ name: "done" }))).rejects.toMatchObject({ url: "/portal/done" });
    expect(logLines()).toEqual([expect.objectContaining({ outcome: "ok" })]);
    expect(await action(null, formData({ name: "no" }))).toEqual({ ok: false, message: "errors.x" });
    expect(redirect).toHaveBeenCalledTimes(1);
  });
});
