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
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
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
  cookies: vi.fn(async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false })),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: vi.fn(async (namespace: string) => Object.assign((key: string) => `${namespace}.${key}`, { has: () => true })),
  getLocale: vi.fn(async () => "en"),
}));

withTestDatabase();

const ROOT = path.resolve(__dirname, "../..");
const NUL = "\u0000";
const HUGE = "x".repeat(300_000);
// A 1×1 PNG: a real image, so an upload gets as far as the file name.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

function sourceFiles(folder: string): string[] {
  return (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** Every module whose first statement is "use server": each export is a public endpoint. */
const ACTION_FILES = [...sourceFiles("lib"), ...sourceFiles("app")].filter((file) =>
  /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
);
const ROUTE_FILES = sourceFiles("app").filter((file) => /(^|\/)route\.tsx?$/.test(file));
// next-auth's own handler reads Next's request store through require(), which only exists inside a
// running Next server; its credentials go through signInSchema (emailSchema), checked in lib/auth.
const ROUTES_NOT_CALLABLE_HERE = new Set(["app/api/auth/[...nextauth]/route.ts"]);

type World = Awaited<ReturnType<typeof createWorld>>;

async function createWorld() {
  const [applicant, reviewer, supervisor, admin, staffMember] = await Promise.all([
    createTestUser("APPLICANT"),
    createTestUser("REVIEWER"),
    createTestUser("SUPERVISOR"),
    createTestUser("ADMIN"),
    createTestUser("REVIEWER"),
  ]);
  const service = await db.serviceType.create({
    data: {
      code: `hostile-${crypto.randomUUID().slice(0, 8)}`,
      nameZh: "服务",
      nameEn: "Service",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 100,
      tiers: { create: { tier: "URGENT", processingHours: 120 } },
      evidence: { create: [{ kind: "ID_PROOF", labelZh: "身份证明", labelEn: "ID", sortOrder: 0 }, { kind: "OTHER", labelZh: "其他", labelEn: "Other", sortOrder: 1 }] },
    },
    select: { id: true, code: true, evidence: { select: { id: true } } },
  });
  const application = await createTestApplication({ applicantId: applicant.id, serviceId: service.id, currentNode: "MATERIAL_CHECK", assigneeId: reviewer.id });
  const shift = await db.shift.create({ data: { name: "Day", weekday: 1, startMinute: 480, endMinute: 960, members: { create: [{ userId: reviewer.id }] } }, select: { id: true } });
  return { applicant, reviewer, supervisor, admin, staffMember, service, application, shift };
}

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const SESSIONS: (Role | null)[] = [null, "APPLICANT", "REVIEWER", "SUPERVISOR", "ADMIN"];

async function signIn(role: Role | null) {
  const who = role === null ? null : { APPLICANT: world.applicant, REVIEWER: world.reviewer, SUPERVISOR: world.supervisor, ADMIN: world.admin }[role];
  await signedInAs(who);
}

/** Every field any action reads, with a plausible value: the ids are real, so the text gets as far as the database. */
async function plausibleFields(textValue: (field: string) => string): Promise<Record<string, string | string[] | File>> {
  const { version } = await db.application.findUniqueOrThrow({ where: { id: world.application.id }, select: { version: true } });
  const t = textValue;
  return {
    // Case and workflow
    applicationId: world.application.id,
    expectedVersion: String(version),
    transition: "ADVANCE",
    publicNote: t("publicNote"),
    internalNote: t("internalNote"),
    note: t("note"),
    reason: t("reason"),
    comment: t("comment"),
    rating: "5",
    problem: t("problem"),
    suggestion: t("suggestion"),
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    assigneeId: "",
    reference: t("reference"),
    amount: "1",
    number: world.application.number,
    method: "counter",
    // Applying
    serviceCode: world.service.code,
    tier: "URGENT",
    neededBy: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    utcOffsetMinutes: "480",
    triageConsequence: "FINANCIAL_OR_LEGAL",
    triageFixedDate: "NONE",
    triageHealthSafety: "NO",
    triageAffected: "SELF",
    applicantName: t("applicantName"),
    idType: "PASSPORT",
    idNumber: t("idNumber"),
    phone: "13800000000",
    email: `hostile-${crypto.randomUUID()}@test.example`,
    submissionKey: crypto.randomUUID(),
    // Accounts and staff
    displayName: t("displayName"),
    password: "correct-horse-2026-battery",
    confirmPassword: "correct-horse-2026-battery",
    userId: world.staffMember.id,
    role: "REVIEWER",
    mode: "generate",
    active: "true",
    locale: "en",
    serviceIds: [world.service.id],
    // Catalog
    serviceId: world.service.id,
    code: `hostile-${crypto.randomUUID().slice(0, 8)}`,
    nameZh: t("nameZh"),
    nameEn: t("nameEn"),
    descriptionZh: t("descriptionZh"),
    descriptionEn: t("descriptionEn"),
    baseFeeMinor: "10",
    surchargeMinor: "0",
    sortOrder: "1",
    processingHours: "24",
    requirementId: world.service.evidence[0]!.id,
    labelZh: t("labelZh"),
    labelEn: t("labelEn"),
    kind: "ID_PROOF",
    direction: "down",
    // Rota and handover
    shiftId: world.shift.id,
    name: t("name"),
    weekday: "2",
    start: "08:00",
    end: "16:00",
    userIds: [world.reviewer.id],
    incidents: t("incidents"),
    checklist: ["urgentNextStep", "supplementsChased", "mailboxChecked"],
    caseId: world.application.id,
    handoverId: crypto.randomUUID(),
    notificationId: crypto.randomUUID(),
    // Uploads: a real image whose name carries the hostile text
    file: new File([PNG], `${t("file")}.png`, { type: "image/png" }),
  };
}

/** FormData that answers every name it is asked for, not only the ones listed (a new field is covered too). */
function everyField(values: Record<string, string | string[] | File>, fallback: string | File): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  const get = form.get.bind(form);
  const getAll = form.getAll.bind(form);
  form.get = (name: string) => get(name) ?? fallback;
  form.getAll = (name: string) => (getAll(name).length > 0 ? getAll(name) : [fallback]);
  return form;
}

/** Text that passes every length rule of `field` (the reason needs 30 characters, a shift name at most 60), with `inject` inside. */
const sample = (field: string, inject = "") =>
  field === "reason" ? `My mother needs surgery abroad next week;${inject} I must travel with her.` : `Clean ${field}${inject} text`;
const withNul = (field: string) => sample(field, NUL);

/** The hostile arguments: wrong types, then forms whose every field is hostile. */
async function hostileArguments(): Promise<[string, unknown][]> {
  const onlyNul = Object.fromEntries(Object.keys(await plausibleFields(() => "")).map((key) => [key, NUL]));
  const onlyHuge = Object.fromEntries(Object.keys(onlyNul).map((key) => [key, HUGE]));
  const files = Object.fromEntries(Object.keys(onlyNul).map((key) => [key, new File([PNG], `x${NUL}.png`)]));
  return [
    ["undefined", undefined],
    ["null", null],
    ["42", 42],
    ["NaN", Number.NaN],
    ["true", true],
    ['"x"', "x"],
    ["a NUL string", NUL],
    ["a huge string", HUGE],
    ["[]", []],
    ["{}", {}],
    ["an object with get()", { get: () => NUL, getAll: () => [NUL] }],
    ["a Date", new Date(0)],
    ["a File", new File([PNG], `x${NUL}.png`)],
    ["an empty FormData", new FormData()],
    ["FormData: NUL in every field", everyField(onlyNul, NUL)],
    ["FormData: a huge string in every field", everyField(onlyHuge, HUGE)],
    ["FormData: a file in every field", everyField(files, new File([PNG], "x.png"))],
    ["FormData: valid ids, NUL inside every text and the file name", everyField(await plausibleFields(withNul), NUL)],
    ["FormData: valid ids, control characters in every text", everyField(await plausibleFields((field) => sample(field, "\u0001\u0007\u001b[31m\u007f")), "\u0008")],
  ];
}

type Outcome = "ok" | string;

/** A normal answer: an ActionResult, nothing (form actions), or a redirect. Anything thrown is a 500. */
async function callAction(action: (...args: unknown[]) => unknown, argument: unknown): Promise<Outcome> {
  try {
    const result = await action(argument, argument);
    if (result === undefined || (typeof result === "object" && result !== null && typeof (result as { ok?: unknown }).ok === "boolean")) return "ok";
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

  it.each(ACTION_FILES)("every action of %s refuses hostile arguments without throwing", { timeout: 180_000 }, async (file) => {
    const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const actions = Object.entries(exported).filter((entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === "function");
    expect(actions.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const role of SESSIONS) {
      await signIn(role);
      for (const [label, argument] of await hostileArguments()) {
        for (const [name, action] of actions) {
          const outcome = await callAction(action, argument);
          if (outcome !== "ok") failures.push(`${name} as ${role ?? "nobody"} with ${label}: ${outcome}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("gets the plausible form through to the database when its text is clean (so the rows above test the database boundary)", async () => {
    // The walk above may have deleted the shift or moved the case on: start from fresh rows.
    world = await createWorld();
    const accepted = async (role: Role | null, action: (previous: unknown, form: FormData) => Promise<unknown>) => {
      await signIn(role);
      const form = everyField(await plausibleFields((field) => sample(field)), "");
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
    }).toEqual({ registerApplicant: true, addCaseNoteAction: true, createService: true, saveShift: true, createStaff: true });
    // Refused for the case's state (it is not completed), after the comment passed validation.
    await signIn("APPLICANT");
    expect(await rateService(null, everyField(await plausibleFields(() => "fine"), ""))).toMatchObject({ ok: false, message: expect.not.stringMatching(/checkFields/) });
  });

  it("stores no control character that came in through a form or a file name", async () => {
    const columns = await db.$queryRaw<{ found: bigint }[]>`
      select (select count(*) from "user" where display_name ~ '[\x01-\x08\x0b-\x1f\x7f]')
           + (select count(*) from service_type where name_en ~ '[\x01-\x08\x0b-\x1f\x7f]' or name_zh ~ '[\x01-\x08\x0b-\x1f\x7f]')
           + (select count(*) from evidence_file where original_name ~ '[\x01-\x1f\x7f]')
           + (select count(*) from timeline_event where public_note ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' or internal_note ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]') as found`;
    expect(Number(columns[0]!.found)).toBe(0);
  });

  const HOSTILE_SEGMENTS = [NUL, `%00`, `abc${NUL}def`, HUGE, "../../etc/passwd", "' or 1=1 --", "\u202e", "%E0%A4%A", "-1", "1e999"];
  const HOSTILE_QUERIES = [`q=${NUL}`, "q=%00", "q=%00%01%1b", `page=${NUL}`, "page=-1&from=%00&to=%00&service=%00&inline=%00", `q=${"%FF".repeat(2000)}`, "from=9999-99-99&to=0000-00-00"];

  function hostileRequests(routePath: string): [string, () => Request][] {
    const url = `http://localhost${routePath}`;
    const multipart = () => {
      const boundary = "----hostile";
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a${NUL}b.png"\r\nContent-Type: image/png\r\n\r\n${PNG.toString("latin1")}\r\n--${boundary}--\r\n`;
      return new Request(url, { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body: Buffer.from(body, "latin1") });
    };
    const json = (body: string) => () => new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    return [
      ...HOSTILE_QUERIES.map((query): [string, () => Request] => [`GET ?${query}`, () => new Request(`${url}?${query}`)]),
      ["POST NUL in every JSON field", json(JSON.stringify({ number: NUL, idType: NUL, idNumber: NUL }))],
      ["POST wrong JSON types", json(JSON.stringify({ number: { a: 1 }, idType: [1], idNumber: 42 }))],
      ["POST JSON null", json("null")],
      ["POST JSON array", json("[]")],
      ["POST JSON number", json("42")],
      ["POST malformed JSON", json('{"number":')],
      ["POST huge JSON", json(JSON.stringify({ number: HUGE }))],
      ["POST malformed multipart", () => new Request(url, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\nno headers" })],
      ["POST multipart with a NUL in the file name", multipart],
    ];
  }

  it.each(ROUTE_FILES.filter((file) => !ROUTES_NOT_CALLABLE_HERE.has(file)))("%s answers hostile requests below 500", { timeout: 180_000 }, async (file) => {
    const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const routePath = `/${path.dirname(path.relative("app", file)).split(path.sep).join("/")}`;
    const segments = [...routePath.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!);
    const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter((method) => typeof exported[method] === "function");
    expect(methods.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const role of [null, "APPLICANT", "SUPERVISOR", "ADMIN"] as const) {
      await signIn(role);
      for (const segment of HOSTILE_SEGMENTS) {
        const params = Object.fromEntries(segments.map((name) => [name, segment]));
        for (const [label, request] of hostileRequests(routePath)) {
          for (const method of methods) {
            const handler = exported[method] as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
            const where = `${method} ${routePath} (${label}, segment ${JSON.stringify(segment.slice(0, 20))}) as ${role ?? "nobody"}`;
            try {
              const response = await handler(request(), { params: Promise.resolve(params) });
              // Streamed bodies (the CSV export) fail while being read, not before.
              await response.text();
              if (response.status >= 500) failures.push(`${where}: ${response.status}`);
            } catch (error) {
              failures.push(`${where}: threw ${error instanceof Error ? error.message.slice(0, 160) : String(error)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("reads list filters with NUL and control characters as plain text or no filter (/console?q=%00)", async () => {
    const hostile = { q: NUL, actor: NUL, action: `a${NUL}`, entityType: "\u0001", entityId: `${NUL}x`, node: NUL, service: NUL, tier: NUL, assignee: NUL, page: NUL, from: NUL, to: NUL, before: NUL, after: NUL, role: NUL, status: NUL };
    const queue = parseQueueFilters(hostile);
    expect(queue.search).toBeUndefined();
    expect(parseQueueFilters({ q: `张${NUL}三` }).search).toEqual({ kind: "name", text: "张三" });
    await expect(listQueue(world.supervisor, parseQueueFilters({ q: `name${NUL}` }))).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(listQueue(world.supervisor, queue)).resolves.toMatchObject({ total: expect.any(Number) });

    const audit = auditQuerySchema.parse(auditFirstValues(hostile));
    expect(audit).toMatchObject({ actor: "", action: "a", entityType: "", entityId: "x" });
    await expect(listAuditEntries(world.admin, audit, "Asia/Shanghai")).resolves.toBeDefined();

    const staff = staffListQuerySchema.parse(auditFirstValues(hostile));
    expect(staff.q).toBe("");
    await expect(listStaff(world.admin, staffListQuerySchema.parse({ q: `rev${NUL}iewer` }))).resolves.toBeDefined();

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

