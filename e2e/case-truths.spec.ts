import { formatApplicationNumber } from "../lib/applications/application-number";
import { CasePage, WorkspacePage, callData, createSubmittedCase, createUser, expect, test } from "./fixtures";

// Issue 15 items 4, 5, 11, 14c, written against the English texts in case.json and workspace.json.

// Each test visits several server-rendered pages; a busy two-core machine needs more than 30 s.
test.describe.configure({ timeout: 120_000 });

test("the confirmation page, the list and the case page give the same next due time", async ({
  page,
  login,
}) => {
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id);
  await login(applicant);

  await page.goto(`/portal/applications/${number}/confirmation`);
  const promise = page.getByText(/^Material check starts by /);
  await expect(promise).toBeVisible();
  const text = (await promise.textContent())!;

  await new CasePage(page).goto(number);
  await expect(page.getByRole("region", { name: "Summary" }).getByText(text, { exact: true })).toBeVisible();

  await page.goto("/portal");
  const item = page.getByRole("listitem").filter({ hasText: formatApplicationNumber(number) });
  await expect(item.getByText(text, { exact: true })).toBeVisible();

  // Past due: flagged in words on the list and the case page.
  await callData("makeStepLate", number, 90);
  await page.reload();
  await expect(item.getByText(/Overdue by 1 hour/)).toBeVisible();
  await new CasePage(page).goto(number);
  await expect(page.getByRole("region", { name: "Summary" }).getByText(/Overdue by /)).toBeVisible();
});

test("催办 is offered only once a step is late, not on a fresh case", async ({ page, login }) => {
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id);
  await login(applicant);
  const casePage = new CasePage(page);
  await casePage.goto(number);
  await expect(
    page.getByRole("region", { name: "Summary" }).getByText(/^Material check starts by /),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask staff to hurry" })).toHaveCount(0);

  await callData("makeStepLate", number, 5);
  await page.reload();
  await expect(page.getByRole("button", { name: "Ask staff to hurry" })).toBeVisible();
});

test("a rejected applicant sees the case closed, not 100 %, and what happens to the fee", async ({
  page,
  login,
}) => {
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id);
  await callData("rejectPaidCase", number, "The invitation does not meet the rules.");
  await login(applicant);
  await new CasePage(page).goto(number);

  await expect(page.getByText("Closed: Not approved").first()).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByText("100%")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Your fee" })).toContainText(
    "The material check had been done, so under the refund rules the fee you paid",
  );

  await page.goto("/portal");
  const item = page.getByRole("listitem").filter({ hasText: formatApplicationNumber(number) });
  await expect(item.getByText("Closed: Not approved")).toBeVisible();
  await expect(item.getByText("100%")).toHaveCount(0);
});

test("approving an unpaid case is explained before any dialog", async ({ page, login }) => {
  const applicant = await createUser("APPLICANT");
  const reviewer = await createUser("REVIEWER");
  const number = await createSubmittedCase(applicant.id);
  await callData("atDecisionUnpaid", number, reviewer.id);
  await login(reviewer);
  const workspace = new WorkspacePage(page);
  await page.goto(`/console/cases/${number}`);
  await expect(workspace.heading(number)).toBeVisible();

  const approve = page.getByRole("region", { name: "Approve" });
  await expect(approve).toContainText("has not been paid, so the case cannot be approved yet");
  await expect(approve.getByRole("button", { name: "Approve…" })).toBeDisabled();
  await expect(page.getByText("Please correct the highlighted fields.")).toHaveCount(0);
});
