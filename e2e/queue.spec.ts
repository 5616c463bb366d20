import { randomUUID } from "node:crypto";
import { formatApplicationNumber, generateApplicationNumber } from "../lib/applications/application-number";
import { createUser, database, expect, test } from "./fixtures";

type QueueCase = {
  tier: "STANDARD" | "URGENT" | "EXPRESS";
  due: string;
  status?: "IN_PROGRESS" | "AWAITING_APPLICANT";
  node?: string;
};

/** A service of its own, so other tests' cases never get between these in the queue. */
async function createQueueService() {
  const code = `e2e-queue-${randomUUID().slice(0, 8)}`;
  const nameEn = `Queue check ${code.slice(-8)}`;
  const { rows } = await database.query<{ id: string }>(
    `INSERT INTO service_type (code, name_zh, name_en, description_zh, description_en, base_fee_minor, updated_at)
     VALUES ($1, $2, $3, '-', '-', 10000, now()) RETURNING id`,
    [code, `队列测试 ${code.slice(-8)}`, nameEn],
  );
  return { id: rows[0]!.id, nameEn };
}

/** `due` is a Postgres interval from now ("-3 hours -20 minutes -10 seconds" is overdue by 3 h 20 min). */
async function createQueueCase(
  serviceId: string,
  applicantId: string,
  { tier, due, status = "IN_PROGRESS", node = "MATERIAL_CHECK" }: QueueCase,
) {
  const number = generateApplicationNumber();
  await database.query(
    `INSERT INTO application (number, applicant_id, service_id, tier, reason, needed_by, applicant_name, id_type, id_number_hash,
       id_number_masked, phone, email, fee_base_minor, fee_surcharge_minor, current_node, status, node_due_at, case_due_at, updated_at)
     VALUES ($1, $2, $3, $4::urgency_tier, 'A reason long enough to be a real reason for hurrying.', now() + interval '10 days',
       'Queue Applicant', 'PASSPORT', md5($1), 'E*****678', '+86 138 0000 0000', 'e2e@e2e.test', 10000, 0,
       $5::workflow_node, $6::application_status, now() + $7::interval, now() + interval '7 days', now())`,
    [number, applicantId, serviceId, tier, node, status, due],
  );
  return number;
}

test.describe("review queue", () => {
  test("shows the most urgent case first, flags overdue work, and opens cases from the keyboard", async ({
    page,
    signInPage,
  }) => {
    const [reviewer, applicant, service] = await Promise.all([
      createUser("REVIEWER"),
      createUser("APPLICANT"),
      createQueueService(),
    ]);
    const create = (spec: QueueCase) => createQueueCase(service.id, applicant.id, spec);
    const standardLate = await create({ tier: "STANDARD", due: "-3 hours -20 minutes -10 seconds" });
    const urgent = await create({ tier: "URGENT", due: "30 minutes" });
    const expressLater = await create({ tier: "EXPRESS", due: "5 hours" });
    const expressSooner = await create({ tier: "EXPRESS", due: "1 hour" });
    const waiting = await create({
      tier: "URGENT",
      due: "-2 hours",
      status: "AWAITING_APPLICANT",
      node: "AWAITING_SUPPLEMENT",
    });

    await signInPage.goto();
    await signInPage.signIn(reviewer.email, reviewer.password);
    await expect(page).toHaveURL(/\/console$/);
    await page.getByLabel("Service").selectOption({ label: service.nameEn });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`service=${service.id}`));

    const queue = page.getByRole("table", { name: "Open cases, most urgent first" });
    const rows = queue.getByRole("row");
    // The header row, then the cases in urgency order: express, urgent, standard, each nearest due first.
    await expect(rows).toHaveCount(6);
    const order = [expressSooner, expressLater, waiting, urgent, standardLate].map(formatApplicationNumber);
    for (const [index, number] of order.entries())
      await expect(rows.nth(index + 1).getByRole("link")).toHaveText(number);
    await expect(rows.nth(1)).toContainText("Express");
    // Past its due time, but the applicant's turn: waiting, not overdue.
    await expect(rows.nth(3)).toContainText("Waiting for applicant, due");
    await expect(rows.nth(3).getByText(/Overdue/)).toHaveCount(0);

    await page.getByLabel("Overdue only").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1).getByRole("link")).toHaveText(formatApplicationNumber(standardLate));
    await expect(rows.nth(1).getByText("Overdue by 3 h 20 min")).toBeVisible();
    await expect(rows.nth(1).getByText("Overdue by 3 hours 20 minutes")).toHaveCount(1);

    await page.getByLabel("Overdue only").uncheck();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(rows).toHaveCount(6);
    // The form's GET loaded a new document: nothing has focus, so the keys go to the page once it
    // is interactive (the table then announces its shortcuts).
    await expect(queue).toHaveAttribute("aria-keyshortcuts", /j k/);
    await page.keyboard.press("j");
    await expect(rows.nth(1).getByRole("link")).toBeFocused();
    await page.keyboard.press("j");
    await expect(rows.nth(2).getByRole("link")).toBeFocused();
    await expect(rows.nth(2).getByRole("link")).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("k");
    await expect(rows.nth(1).getByRole("link")).toBeFocused();

    await page.keyboard.press("?");
    await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toBeHidden();
    await page.keyboard.press("/");
    await expect(page.getByLabel("Search", { exact: true })).toBeFocused();
    // Typing in the search field is typing, not shortcuts.
    await page.keyboard.type("jk");
    await expect(page.getByLabel("Search", { exact: true })).toHaveValue("jk");

    await rows.nth(1).getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/console/cases/${expressSooner}$`));
  });

  test("finds a case by its number, however it is typed", async ({ page, signInPage }) => {
    const [reviewer, applicant, service] = await Promise.all([
      createUser("REVIEWER"),
      createUser("APPLICANT"),
      createQueueService(),
    ]);
    const number = await createQueueCase(service.id, applicant.id, { tier: "STANDARD", due: "2 days" });
    await signInPage.goto();
    await signInPage.signIn(reviewer.email, reviewer.password);
    await expect(page).toHaveURL(/\/console$/);
    await page.getByLabel("Search", { exact: true }).fill(formatApplicationNumber(number).toLowerCase());
    await page.keyboard.press("Enter");
    const rows = page.getByRole("table", { name: "Open cases, most urgent first" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1).getByRole("link")).toHaveText(formatApplicationNumber(number));
  });
});
