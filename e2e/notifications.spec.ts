import type { Page } from "@playwright/test";
import { formatApplicationNumber } from "../lib/applications/application-number";
import { CasePage, callData, createSubmittedCase, createUser, expect, runStaffSteps, test } from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/{nav,notifications,case}.json.

const banner = (page: Page) => page.getByRole("banner");

test("an applicant reads a notification, asks staff to hurry, and the reviewer is told", async ({
  page,
  login,
  signedInPage,
}) => {
  test.setTimeout(90_000);
  const applicant = await createUser("APPLICANT");
  const reviewer = await createUser("REVIEWER", { displayName: "Rita Reviewer" });
  const number = await createSubmittedCase(applicant.id);
  const displayNumber = formatApplicationNumber(number);
  // Assigns the case to the reviewer and moves it on: one in-app notice for the applicant.
  await runStaffSteps(number, reviewer.id, ["ADVANCE"]);
  // 催办 is offered once a step is late (issue 15 item 14c).
  await callData("makeStepLate", number, 30);

  await login(applicant);
  await page.goto("/portal");
  await banner(page).getByRole("link", { name: "Notifications, 1 unread" }).click();

  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: displayNumber });
  await expect(
    item.getByRole("heading", { name: `Unread Application ${displayNumber} has moved on` }),
  ).toBeVisible();
  // The step's due time, in the service's zone and in the British order (issue 15).
  await expect(
    item.getByText(
      /^Your application is now at the step “Material check”, planned to be done by \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT\+8\.$/,
    ),
  ).toBeVisible();

  await item.getByRole("button", { name: `Mark as read: Application ${displayNumber} has moved on` }).click();
  await expect(item.getByText("Marked as read.")).toBeFocused();
  await expect(
    item.getByRole("heading", { name: `Application ${displayNumber} has moved on`, exact: true }),
  ).toBeVisible();
  await expect(banner(page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(banner(page).getByRole("link", { name: /unread/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);

  // 催办: one click, and the answer says when the next reminder is possible.
  const casePage = new CasePage(page);
  await casePage.goto(number);
  await casePage.askToHurry();
  await expect(page.getByRole("status").filter({ hasText: "Staff have been asked to hurry." })).toBeVisible();
  await casePage.askToHurry();
  await expect(
    page.getByRole("status").filter({ hasText: /^You can send the next reminder at / }),
  ).toBeVisible();
  await expect(casePage.history.getByText("Follow-up requested")).toBeVisible();

  // The assigned reviewer sees it in the header, opens it, lands on the case and the count is gone.
  const staffPage = await signedInPage(reviewer);
  await staffPage.goto("/console");
  await banner(staffPage).getByRole("link", { name: "Notifications, 1 unread" }).click();
  const notice = staffPage.getByRole("listitem").filter({ hasText: displayNumber });
  await expect(
    notice.getByRole("heading", { name: `Unread Case ${displayNumber}: the applicant asks you to hurry` }),
  ).toBeVisible();
  await notice
    .getByRole("button", { name: `Open the case: Case ${displayNumber}: the applicant asks you to hurry` })
    .click();
  await expect(staffPage).toHaveURL(new RegExp(`/console/cases/${number}$`));
  await expect(banner(staffPage).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});

test("the notification list asks visitors to sign in first and comes back afterwards", async ({
  page,
  signInPage,
}) => {
  const applicant = await createUser("APPLICANT");
  await page.goto("/notifications?page=2");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotifications%3Fpage%3D2$/);
  await signInPage.signIn(applicant.email, applicant.password);
  await expect(page).toHaveURL(/\/notifications\?page=2$/);
  await expect(page.getByText("You have no notifications yet.")).toBeVisible();
  await expect(banner(page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});
