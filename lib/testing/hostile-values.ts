// The hostile values lib/security/hostile-input.test.ts walks every action and route with, and the
// rows that make its forms plausible (test-only; issue 12 item 7).
import { db } from "@/lib/db";
import { createTestApplication, createTestUser } from "./fixtures";

export const NUL = "\u0000";
export const HUGE = "x".repeat(300_000);
// A 1×1 PNG: a real image, so an upload gets as far as the file name.
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export type World = Awaited<ReturnType<typeof createWorld>>;

export async function createWorld() {
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
      evidence: {
        create: [
          { kind: "ID_PROOF", labelZh: "身份证明", labelEn: "ID", sortOrder: 0 },
          { kind: "OTHER", labelZh: "其他", labelEn: "Other", sortOrder: 1 },
        ],
      },
    },
    select: { id: true, code: true, evidence: { select: { id: true } } },
  });
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId: service.id,
    currentNode: "MATERIAL_CHECK",
    assigneeId: reviewer.id,
  });
  const shift = await db.shift.create({
    data: {
      name: "Day",
      weekday: 1,
      startMinute: 480,
      endMinute: 960,
      members: { create: [{ userId: reviewer.id }] },
    },
    select: { id: true },
  });
  return { applicant, reviewer, supervisor, admin, staffMember, service, application, shift };
}

/** Every field any action reads, with a plausible value: the ids are real, so the text gets as far as the database. */
export async function plausibleFields(
  world: World,
  textValue: (field: string) => string,
): Promise<Record<string, string | string[] | File>> {
  const { version } = await db.application.findUniqueOrThrow({
    where: { id: world.application.id },
    select: { version: true },
  });
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
export function everyField(
  values: Record<string, string | string[] | File>,
  fallback: string | File,
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  const get = form.get.bind(form);
  const getAll = form.getAll.bind(form);
  form.get = (name: string) => get(name) ?? fallback;
  form.getAll = (name: string) => (getAll(name).length > 0 ? getAll(name) : [fallback]);
  return form;
}

/** Text that passes every length rule of `field` (the reason needs 30 characters, a shift name at most 60), with `inject` inside. */
export const sample = (field: string, inject = "") =>
  field === "reason"
    ? `My mother needs surgery abroad next week;${inject} I must travel with her.`
    : `Clean ${field}${inject} text`;
const withNul = (field: string) => sample(field, NUL);

/** The hostile arguments: wrong types, then forms whose every field is hostile. */
export async function hostileArguments(world: World): Promise<[string, unknown][]> {
  const onlyNul = Object.fromEntries(
    Object.keys(await plausibleFields(world, () => "")).map((key) => [key, NUL]),
  );
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
    [
      "FormData: valid ids, NUL inside every text and the file name",
      everyField(await plausibleFields(world, withNul), NUL),
    ],
    [
      "FormData: valid ids, control characters in every text",
      everyField(
        await plausibleFields(world, (field) => sample(field, "\u0001\u0007\u001b[31m\u007f")),
        "\u0008",
      ),
    ],
  ];
}

export const HOSTILE_SEGMENTS = [
  NUL,
  `%00`,
  `abc${NUL}def`,
  HUGE,
  "../../etc/passwd",
  "' or 1=1 --",
  "\u202e",
  "%E0%A4%A",
  "-1",
  "1e999",
];
export const HOSTILE_QUERIES = [
  `q=${NUL}`,
  "q=%00",
  "q=%00%01%1b",
  `page=${NUL}`,
  "page=-1&from=%00&to=%00&service=%00&inline=%00",
  `q=${"%FF".repeat(2000)}`,
  "from=9999-99-99&to=0000-00-00",
];

export function hostileRequests(routePath: string): [string, () => Request][] {
  const url = `http://localhost${routePath}`;
  const multipart = () => {
    const boundary = "----hostile";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a${NUL}b.png"\r\nContent-Type: image/png\r\n\r\n${PNG.toString("latin1")}\r\n--${boundary}--\r\n`;
    return new Request(url, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: Buffer.from(body, "latin1"),
    });
  };
  const json = (body: string) => () =>
    new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return [
    ...HOSTILE_QUERIES.map((query): [string, () => Request] => [
      `GET ?${query}`,
      () => new Request(`${url}?${query}`),
    ]),
    ["POST NUL in every JSON field", json(JSON.stringify({ number: NUL, idType: NUL, idNumber: NUL }))],
    ["POST wrong JSON types", json(JSON.stringify({ number: { a: 1 }, idType: [1], idNumber: 42 }))],
    ["POST JSON null", json("null")],
    ["POST JSON array", json("[]")],
    ["POST JSON number", json("42")],
    ["POST malformed JSON", json('{"number":')],
    ["POST huge JSON", json(JSON.stringify({ number: HUGE }))],
    [
      "POST malformed multipart",
      () =>
        new Request(url, {
          method: "POST",
          headers: { "content-type": "multipart/form-data; boundary=x" },
          body: "--x\r\nno headers",
        }),
    ],
    ["POST multipart with a NUL in the file name", multipart],
  ];
}
