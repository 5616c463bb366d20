import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  QueuePage,
  createQueueCase,
  createService,
  createUser,
  expect,
  test,
  type QueueCase,
} from "./fixtures";

test.describe("review queue", () => {
  test("shows the most urgent case first, flags overdue work, and opens cases from the keyboard", async ({
    page,
    login,
  }) => {
    // A service of its own, so other tests' cases never get between these in the queue.
    const [reviewer, applicant, service] = await Promise.all([
      createUser("REVIEWER"),
      createUser("APPLICANT"),
      createService("e2e-queue"),
    ]);
    const create = (spec: QueueCase) => createQueueCase(service.id, applicant.id, spec);
    // Overdue by 3 h 20 min (and ten seconds, so the minute shown is settled).
    const standardLate = await create({ tier: "STANDARD", dueInMinutes: -(200 + 10 / 60) });
    const urgent = await create({ tier: "URGENT", dueInMinutes: 30 });
    const expressLater = await create({ tier: "EXPRESS", dueInMinutes: 5 * 60 });
    const expressSooner = await create({ tier: "EXPRESS", dueInMinutes: 60 });
    const waiting = await create({
      tier: "URGENT",
      dueInMinutes: -2 * 60,
      status: "AWAITING_APPLICANT",
      node: "AWAITING_SUPPLEMENT",
    });

    await login(reviewer);
    const queue = new QueuePage(page);
    await queue.goto();
    await queue.filter({ service: service.nameEn });
    await expect(page).toHaveURL(new RegExp(`service=${service.id}`));

    const rows = queue.rows;
    // The header row, then the cases in urgency order: express, urgent, standard, each nearest due first.
    await expect(rows).toHaveCount(6);
    const order = [expressSooner, expressLater, waiting, urgent, standardLate].map(formatApplicationNumber);
    for (const [index, number] of order.entries()) await expect(queue.caseLink(index + 1)).toHaveText(number);
    await expect(rows.nth(1)).toContainText("Express");
    // Past its due time, but the applicant's turn: waiting, not overdue.
    await expect(rows.nth(3)).toContainText("Waiting for applicant, due");
    await expect(rows.nth(3).getByText(/Overdue/)).toHaveCount(0);

    await queue.overdueOnly.check();
    await queue.applyFilters();
    await expect(rows).toHaveCount(2);
    await expect(queue.caseLink(1)).toHaveText(formatApplicationNumber(standardLate));
    await expect(rows.nth(1).getByText("Overdue by 3 h 20 min")).toBeVisible();
    await expect(rows.nth(1).getByText("Overdue by 3 hours 20 minutes")).toHaveCount(1);

    await queue.overdueOnly.uncheck();
    await queue.applyFilters();
    await expect(rows).toHaveCount(6);
    // The form's GET loaded a new document: nothing has focus, so the keys go to the page once it
    // is interactive (the table then announces its shortcuts).
    await expect(queue.table).toHaveAttribute("aria-keyshortcuts", /j k/);
    await page.keyboard.press("j");
    await expect(queue.caseLink(1)).toBeFocused();
    await page.keyboard.press("j");
    await expect(queue.caseLink(2)).toBeFocused();
    await expect(queue.caseLink(2)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("k");
    await expect(queue.caseLink(1)).toBeFocused();

    await page.keyboard.press("?");
    await expect(queue.shortcuts).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(queue.shortcuts).toBeHidden();
    await page.keyboard.press("/");
    await expect(queue.search).toBeFocused();
    // Typing in the search field is typing, not shortcuts.
    await page.keyboard.type("jk");
    await expect(queue.search).toHaveValue("jk");

    await queue.caseLink(1).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/console/cases/${expressSooner}$`));
  });

  test("finds a case by its number, however it is typed", async ({ page, login }) => {
    const [reviewer, applicant, service] = await Promise.all([
      createUser("REVIEWER"),
      createUser("APPLICANT"),
      createService("e2e-queue"),
    ]);
    const number = await createQueueCase(service.id, applicant.id, {
      tier: "STANDARD",
      dueInMinutes: 2 * 24 * 60,
    });
    await login(reviewer);
    const queue = new QueuePage(page);
    await queue.goto();
    await queue.searchFor(formatApplicationNumber(number).toLowerCase());
    await expect(queue.rows).toHaveCount(2);
    await expect(queue.caseLink(1)).toHaveText(formatApplicationNumber(number));
  });
});
