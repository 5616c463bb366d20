import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { firstValues as auditFirstValues } from "@/lib/staff/schema";
import { listAuditEntries } from "@/lib/audit/data";
import { auditQuerySchema } from "@/lib/audit/schema";
import { findActiveService } from "@/lib/catalog/data";
import { findServiceForAdmin } from "@/lib/catalog/admin-data";
import { findOwnCase } from "@/lib/cases/data";
import { findStaffCase } from "@/lib/console/case-data";
import { listQueue } from "@/lib/console/data";
import { parseQueueFilters } from "@/lib/console/queue-schema";
import { getOpenCountsByNode } from "@/lib/dashboard/data";
import { parseDashboardFilters } from "@/lib/dashboard/schema";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { findHandover } from "@/lib/handover/data";
import { lookupSharedCase } from "@/lib/lookup/lookup";
import { findShift } from "@/lib/rota/data";
import { listStaff, findStaffMember } from "@/lib/staff/data";
import { staffListQuerySchema } from "@/lib/staff/schema";
import { signedInAs } from "@/lib/testing/action-session";
import {
  createWorld,
  everyField,
  HOSTILE_SEGMENTS,
  hostileArguments,
  hostileRequests,
  NUL,
  plausibleFields,
  sample,
  type World,
} from "@/lib/testing/hostile-values";
import { withTestDatabase } from "@/lib/testing/with-test-database";

// Issue 12 item 7: whatever arrives — a wrong type, a NUL byte, a huge string, a file where text was
// expected — every Server Action answers with its normal failure and every route handler with a
// status below 500. Actions and routes are discovered from the file system, so a new one is walked
// too (and fails here until it copes).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { redirectedTo: url });
  }),
  notFound: vi.fn(() => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { redirectedTo: "404" });
  }),
}));
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": "198.51.100.77" })),
  cookies: vi.fn(async () => ({
    get: () => undefined,
    getAll: () => [],
    set: () => {},
    delete: () => {},
    has: () => false,
  })),
}));
// next-auth's handler reads Next's request store through require(), which only a running Next server
// has: the sign-in action's call into it is stubbed here, and e2e/hostile-input.spec.ts sends the
// same hostile values to next-auth's credentials callback through the real server.
vi.mock("@/lib/auth/password-sign-in", () => ({
  signInWithNextAuth: vi.fn(async () => ({ ok: false, error: "CredentialsSignin" })),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: vi.fn(async (namespace: string) =>
    Object.assign((key: string) => `${namespace}.${key}`, { has: () => true }),
  ),
  getLocale: vi.fn(async () => "en"),
}));

withTestDatabase();

const ROOT = path.resolve(__dirname, "../..");
function sourceFiles(folder: string): string[] {
  return (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** Every module whose first statement is "use server": each export is a public endpoint. */
const ACTION_FILES = [...sourceFiles("lib"), ...sourceFiles("app")].filter((file) =>
  /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(
    readFileSync(path.join(ROOT, file), "utf8"),
  ),
);
const ROUTE_FILES = sourceFiles("app").filter((file) => /(^|\/)route\.tsx?$/.test(file));
// next-auth's own handler reads Next's request store through require(), which only exists inside a
// running Next server; its credentials go through signInSchema (emailSchema), checked in lib/auth.
const ROUTES_NOT_CALLABLE_HERE = new Set(["app/api/auth/[...nextauth]/route.ts"]);

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const SESSIONS: (Role | null)[] = [null, "APPLICANT", "REVIEWER", "SUPERVISOR", "ADMIN"];

async function signIn(role: Role | null) {
  const who =
    role === null
      ? null
      : {
          APPLICANT: world.applicant,
          REVIEWER: world.reviewer,
          SUPERVISOR: world.supervisor,
          ADMIN: world.admin,
        }[role];
  await signedInAs(who);
}

type Outcome = "ok" | string;

/** A normal answer: an ActionResult, nothing (form actions), or a redirect. Anything thrown is a 500. */
async function callAction(action: (...args: unknown[]) => unknown, argument: unknown): Promise<Outcome> {
  try {
    const result = await action(argument, argument);
    if (
      result === undefined ||
      (typeof result === "object" && result !== null && typeof (result as { ok?: unknown }).ok === "boolean")
    )
      return "ok";
    return `returned ${JSON.stringify(result)?.slice(0, 120)}`;
  } catch (error) {
    if (error instanceof Error && "redirectedTo" in error) return "ok";
    return `threw ${error instanceof Error ? `${error.name}: ${error.message.replace(/\s+/g, " ").slice(0, 160)}` : String(error)}`;
  }
}

describe("hostile input", () => {
  it("finds the Server Actions and route handlers to walk", () => {
    expect(ACTION_FILES.length).toBeGreaterThanOrEqual(15);
    expect(ROUTE_FILES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(ACTION_FILES)(
    "every action of %s refuses hostile arguments without throwing",
    { timeout: 180_000 },
    async (file) => {
      const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const actions = Object.entries(exported).filter(
        (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === "function",
      );
      expect(actions.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const role of SESSIONS) {
        await signIn(role);
        for (const [label, argument] of await hostileArguments(world)) {
          for (const [name, action] of actions) {
            const outcome = await callAction(action, argument);
            if (outcome !== "ok") failures.push(`${name} as ${role ?? "nobody"} with ${label}: ${outcome}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it("gets the plausible form through to the database when its text is clean (so the rows above test the database boundary)", async () => {
    // The walk above may have deleted the shift or moved the case on: start from fresh rows.
    world = await createWorld();
    const accepted = async (
      role: Role | null,
      action: (previous: unknown, form: FormData) => Promise<unknown>,
    ) => {
      await signIn(role);
      const form = everyField(await plausibleFields(world, (field) => sample(field)), "");
      try {
        return ((await action(null, form)) as { ok: boolean }).ok;
      } catch (error) {
        return error instanceof Error && "redirectedTo" in error;
      }
    };
    const { registerApplicant } = await import("@/lib/auth/actions");
    const { addCaseNoteAction } = await import("@/lib/workflow/staff-actions");
    const { createService } = await import("@/lib/catalog/actions");
    const { saveShift } = await import("@/lib/rota/actions");
    const { createStaff } = await import("@/lib/staff/actions");
    const { rateService } = await import("@/lib/cases/actions");
    expect({
      registerApplicant: await accepted(null, registerApplicant),
      addCaseNoteAction: await accepted("SUPERVISOR", addCaseNoteAction),
      createService: await accepted("ADMIN", createService),
      saveShift: await accepted("SUPERVISOR", saveShift),
      createStaff: await accepted("ADMIN", createStaff),
    }).toEqual({
      registerApplicant: true,
      addCaseNoteAction: true,
      createService: true,
      saveShift: true,
      createStaff: true,
    });
    // Refused for the case's state (it is not completed), after the comment passed validation.
    await signIn("APPLICANT");
    expect(await rateService(null, everyField(await plausibleFields(world, () => "fine"), ""))).toMatchObject(
      { ok: false, message: expect.not.stringMatching(/checkFields/) },
    );
  });

  it("stores no control character that came in through a form or a file name", async () => {
    const columns = await db.$queryRaw<{ found: bigint }[]>`
      select (select count(*) from "user" where display_name ~ '[\x01-\x08\x0b-\x1f\x7f]')
           + (select count(*) from service_type where name_en ~ '[\x01-\x08\x0b-\x1f\x7f]' or name_zh ~ '[\x01-\x08\x0b-\x1f\x7f]')
           + (select count(*) from evidence_file where original_name ~ '[\x01-\x1f\x7f]')
           + (select count(*) from timeline_event where public_note ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' or internal_note ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]') as found`;
    expect(Number(columns[0]!.found)).toBe(0);
  });

  it.each(ROUTE_FILES.filter((file) => !ROUTES_NOT_CALLABLE_HERE.has(file)))(
    "%s answers hostile requests below 500",
    { timeout: 180_000 },
    async (file) => {
      const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const routePath = `/${path.dirname(path.relative("app", file)).split(path.sep).join("/")}`;
      const segments = [...routePath.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!);
      const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter(
        (method) => typeof exported[method] === "function",
      );
      expect(methods.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const role of [null, "APPLICANT", "SUPERVISOR", "ADMIN"] as const) {
        await signIn(role);
        for (const segment of HOSTILE_SEGMENTS) {
          const params = Object.fromEntries(segments.map((name) => [name, segment]));
          for (const [label, request] of hostileRequests(routePath)) {
            for (const method of methods) {
              const handler = exported[method] as (
                request: Request,
                context: { params: Promise<Record<string, string>> },
              ) => Promise<Response>;
              const where = `${method} ${routePath} (${label}, segment ${JSON.stringify(segment.slice(0, 20))}) as ${role ?? "nobody"}`;
              try {
                const response = await handler(request(), { params: Promise.resolve(params) });
                // Streamed bodies (the CSV export) fail while being read, not before.
                await response.text();
                if (response.status >= 500) failures.push(`${where}: ${response.status}`);
              } catch (error) {
                failures.push(
                  `${where}: threw ${error instanceof Error ? error.message.slice(0, 160) : String(error)}`,
                );
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it("reads list filters with NUL and control characters as plain text or no filter (/console?q=%00)", async () => {
    const hostile = {
      q: NUL,
      actor: NUL,
      action: `a${NUL}`,
      entityType: "\u0001",
      entityId: `${NUL}x`,
      node: NUL,
      service: NUL,
      tier: NUL,
      assignee: NUL,
      page: NUL,
      from: NUL,
      to: NUL,
      before: NUL,
      after: NUL,
      role: NUL,
      status: NUL,
    };
    const queue = parseQueueFilters(hostile);
    expect(queue.search).toBeUndefined();
    expect(parseQueueFilters({ q: `张${NUL}三` }).search).toEqual({ kind: "name", text: "张三" });
    await expect(listQueue(world.supervisor, parseQueueFilters({ q: `name${NUL}` }))).resolves.toMatchObject({
      total: expect.any(Number),
    });
    await expect(listQueue(world.supervisor, queue)).resolves.toMatchObject({ total: expect.any(Number) });

    const audit = auditQuerySchema.parse(auditFirstValues(hostile));
    expect(audit).toMatchObject({ actor: "", action: "a", entityType: "", entityId: "x" });
    await expect(listAuditEntries(world.admin, audit, "Asia/Shanghai")).resolves.toBeDefined();

    const staff = staffListQuerySchema.parse(auditFirstValues(hostile));
    expect(staff.q).toBe("");
    await expect(
      listStaff(world.admin, staffListQuerySchema.parse({ q: `rev${NUL}iewer` })),
    ).resolves.toBeDefined();

    const dashboard = parseDashboardFilters(hostile, { now: new Date(), timeZone: "Asia/Shanghai" });
    await expect(getOpenCountsByNode(world.admin, dashboard)).resolves.toBeDefined();
  });

  it("answers a hostile path segment with 'not found', never a database error", async () => {
    for (const segment of HOSTILE_SEGMENTS) {
      await expect(findActiveService(segment)).resolves.toBeNull();
      await expect(findOwnCase(world.applicant, segment)).resolves.toBeNull();
      await expect(findStaffCase(world.supervisor, segment)).resolves.toBeNull();
      await expect(findServiceForAdmin(world.admin, segment)).resolves.toBeNull();
      await expect(findStaffMember(world.admin, segment)).resolves.toBeNull();
      await expect(findHandover(world.supervisor, segment)).resolves.toBeNull();
      await expect(findShift(world.supervisor, segment)).resolves.toBeNull();
      await expect(lookupSharedCase(segment, new Date())).resolves.toMatchObject({ ok: false });
    }
  });
});
