import { test as base, expect, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApplicationNumber } from "../lib/applications/application-number";
import { maskIdNumber } from "../lib/identity/id-number";
import { hashIdNumber } from "../lib/identity/id-number-hash";
import { localTime } from "../lib/rota/shift-time";
import { cheapPasswordHash } from "../lib/testing/password-hash";

export type Role = "APPLICANT" | "REVIEWER" | "SUPERVISOR" | "ADMIN";
export type TestUser = { id: string; email: string; password: string; displayName: string };

const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through `npm test`.");

/** Direct database access for arranging state (users, deactivation), never for asserting UI. */
export const database = new pg.Pool({ connectionString: databaseUrl, max: 2 });

export async function createUser(
  role: Role,
  overrides: Partial<Omit<TestUser, "id">> = {},
): Promise<TestUser> {
  const email = overrides.email ?? `${role.toLowerCase()}-${randomUUID()}@e2e.test`;
  const password = overrides.password ?? "e2e password 2026";
  const displayName = overrides.displayName ?? `E2E ${role.toLowerCase()}`;
  const { rows } = await database.query<{ id: string }>(
    `INSERT INTO "user" (email, password_hash, display_name, role, updated_at) VALUES ($1, $2, $3, $4::role, now()) RETURNING id`,
    [email, await cheapPasswordHash(password), displayName, role],
  );
  return { id: rows[0]!.id, email, password, displayName };
}

/**
 * The confirmation link last emailed to `email` (decision 010), read from the outbox row the
 * registration wrote in its own transaction — what the dev mailbox would show once the worker ran.
 */
export async function emailedConfirmationPath(email: string): Promise<string> {
  const { rows } = await database.query<{ path: string }>(
    `SELECT payload->>'path' AS path FROM notification WHERE to_address = $1 AND template = 'account.confirmEmail' ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  if (!rows[0]) throw new Error(`no confirmation link was emailed to ${email}`);
  return rows[0].path;
}

/** Registers through the UI, confirms the address with the emailed link and signs in: a new applicant in the portal. */
export async function registerThroughUi(
  page: Page,
  user: { displayName: string; email: string; password: string },
) {
  await page.goto("/register");
  await page.getByLabel("Your name").fill(user.displayName);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Repeat password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await emailedConfirmationPath(user.email));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address is confirmed. Sign in to continue.")).toBeVisible();
  await new SignInPage(page).signIn(user.email, user.password);
  await expect(page).toHaveURL(/\/portal$/);
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel(/^(Email|电子邮箱)$/).fill(email);
    await this.page.getByLabel(/^(Password|密码)$/).fill(password);
    await this.page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  }
}

/** Fails any test whose page logs an error or throws: such a test has found a bug. */
export const test = base.extend<{
  resetAddressThrottle: void;
  failOnPageErrors: void;
  signInPage: SignInPage;
}>({
  resetAddressThrottle: [
    async ({}, use) => {
      // Every test signs in (and registers) from 127.0.0.1: start each with a clean slate for that address.
      await database.query(`DELETE FROM rate_limit WHERE key LIKE 'signin-ip:%' OR key LIKE 'register-ip:%'`);
      await use();
    },
    { auto: true },
  ],
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        // Failed sign-in attempts answer 401 by design; the browser logs those as resource errors.
        if (message.type() === "error" && !/status of 401/.test(message.text()))
          errors.push(`console.error: ${message.text()}`);
      });
      await use();
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

export { expect };

/** Staff steps through the real workflow module (see e2e/support/staff-action.ts). */
export function runStaffSteps(
  number: string,
  reviewerId: string,
  steps: ("ADVANCE" | "REQUEST_SUPPLEMENT")[],
) {
  const result = spawnSync(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "e2e/support/staff-action.ts",
      JSON.stringify({ number, reviewerId, steps }),
    ],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  if (result.status !== 0) throw new Error(`staff steps failed: ${result.stderr}`);
}

/** A submitted case for `applicantId`, created directly (for tests about what happens after submission). */
export async function createSubmittedCase(
  applicantId: string,
  serviceCode = "visa-invitation",
  tier: "STANDARD" | "URGENT" | "EXPRESS" = "STANDARD",
) {
  const number = generateApplicationNumber();
  await database.query(
    `INSERT INTO application (number, applicant_id, service_id, tier, reason, needed_by, applicant_name, id_type, id_number_hash,
       id_number_masked, phone, email, fee_base_minor, fee_surcharge_minor, node_due_at, case_due_at, updated_at)
     SELECT $1, $2, s.id, $4::urgency_tier, 'I need the invitation letter before the conference because the visa office closes.',
       now() + interval '10 days', 'E2E Applicant', 'PASSPORT', md5($1), 'E*****678', '+86 138 0000 0000', 'e2e@e2e.test',
       s.base_fee_minor, 0, now() + interval '1 day', now() + interval '7 days', now()
     FROM service_type s WHERE s.code = $3`,
    [number, applicantId, serviceCode, tier],
  );
  await database.query(
    `INSERT INTO timeline_event (application_id, node, action, actor_id) SELECT id, 'SUBMITTED', 'SUBMITTED', applicant_id FROM application WHERE number = $1`,
    [number],
  );
  return number;
}

/** A service of its own (no tiers or targets needed), so other tests' cases never get between a test's cases in the queue. */
export async function createService(prefix = "e2e"): Promise<{ id: string; code: string; nameEn: string }> {
  const code = `${prefix}-${randomUUID().slice(0, 8)}`;
  const nameEn = `Service ${code}`;
  const { rows } = await database.query<{ id: string }>(
    `INSERT INTO service_type (code, name_zh, name_en, description_zh, description_en, base_fee_minor, updated_at)
     VALUES ($1, $2, $3, '-', '-', 10000, now()) RETURNING id`,
    [code, `服务 ${code}`, nameEn],
  );
  return { id: rows[0]!.id, code, nameEn };
}

/** Lets a reviewer claim (and be assigned) cases of the service, as an administrator would. */
export async function handleService(userId: string, serviceId: string) {
  await database.query(
    `INSERT INTO staff_service (user_id, service_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [userId, serviceId],
  );
}

/**
 * A submitted case filed with a known mainland ID number, hashed with the server's ID_HASH_KEY (npm test
 * gives the same secrets to Playwright and the server), so it can be looked up on /track.
 */
export async function createTrackableCase(
  applicantId: string,
  idNumber: string,
  applicantName = "Wang Xiaoming",
) {
  const key = process.env.ID_HASH_KEY;
  if (!key) throw new Error("ID_HASH_KEY is not set: run the e2e tests through `npm test`.");
  const number = await createSubmittedCase(applicantId);
  await database.query(
    `UPDATE application SET id_type = 'CN_RESIDENT_ID', id_number_hash = $2, id_number_masked = $3, applicant_name = $4 WHERE number = $1`,
    [
      number,
      hashIdNumber("CN_RESIDENT_ID", idNumber, key),
      maskIdNumber("CN_RESIDENT_ID", idNumber),
      applicantName,
    ],
  );
  return number;
}

/**
 * A rota shift from `fromMinutes` to `toMinutes` around now (e.g. -60 and 60: it started an hour ago
 * and ends in an hour), on the weekday and clock of the server's rota zone (ROTA_TIME_ZONE, Asia/Shanghai
 * by default), with its members. At most 24 hours long.
 */
export async function createShiftAround(
  memberIds: string[],
  fromMinutes: number,
  toMinutes: number,
): Promise<{ id: string; name: string }> {
  const zone = process.env.ROTA_TIME_ZONE || "Asia/Shanghai";
  const at = (offset: number) => localTime(new Date(Date.now() + offset * 60_000), zone);
  const [start, end] = [at(fromMinutes), at(toMinutes)];
  const name = `E2E shift ${randomUUID().slice(0, 6)}`;
  const { rows } = await database.query<{ id: string }>(
    `INSERT INTO shift (name, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4) RETURNING id`,
    [name, start.weekday, start.minute, end.minute],
  );
  for (const userId of memberIds)
    await database.query(`INSERT INTO shift_member (shift_id, user_id) VALUES ($1, $2)`, [
      rows[0]!.id,
      userId,
    ]);
  return { id: rows[0]!.id, name };
}

/** Nothing may make the page scroll sideways; on failure, names the widest offenders. */
export async function expectNoSidewaysScroll(page: Page) {
  const { overflow, offenders } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips sideways, being wider is that box's business — unless the
    // element is absolutely positioned against something outside that box (it then escapes it).
    const clipped = (element: HTMLElement) => {
      let escapes = getComputedStyle(element).position === "absolute";
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (!escapes && ["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return true;
        if (escapes && style.position !== "static") escapes = false;
      }
      return false;
    };
    const offenders = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 60)} (${Math.round(element.getBoundingClientRect().right)}px)`,
      );
    return { overflow: document.documentElement.scrollWidth - width, offenders };
  });
  expect(overflow, `wider than the screen: ${offenders.join("; ")}`).toBeLessThanOrEqual(0);
}

export type TriageAnswersByLabel = {
  ifLate: string;
  fixedDate: string;
  fixedDateOn?: string;
  healthOrSafety: "Yes" | "No";
  affected: string;
};

/** Answers "How urgent is it?" on the application form, by its English labels. */
export async function answerTriage(page: Page, answers: TriageAnswersByLabel) {
  const question = (legend: string) => page.getByRole("group", { name: legend });
  await question("What happens if it is late?")
    .getByRole("radio", { name: answers.ifLate, exact: true })
    .check();
  await question("Is there a fixed appointment or travel date?")
    .getByRole("radio", { name: answers.fixedDate, exact: true })
    .check();
  if (answers.fixedDateOn)
    await page.getByLabel("Date of the appointment or journey").fill(answers.fixedDateOn);
  await question("Is anyone's health or safety involved?")
    .getByRole("radio", { name: answers.healthOrSafety, exact: true })
    .check();
  await question("Who is affected?").getByRole("radio", { name: answers.affected, exact: true }).check();
}
