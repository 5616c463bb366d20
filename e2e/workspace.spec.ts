import type { Browser, Page } from "@playwright/test";
import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  SignInPage,
  createService,
  createSubmittedCase,
  createUser,
  database,
  expect,
  handleService,
  test,
  type TestUser,
} from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/workspace.json, case.json and queue.json.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A second signed-in person in their own browser context (own cookies), with the config's locale and zone. */
async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  user: TestUser,
  landing: RegExp,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-US", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(page).toHaveURL(landing);
  return page;
}

/** The workspace's shared live region, which says what the last action did. */
const actions = (page: Page) => page.getByRole("region", { name: "Actions" });

async function advanceTo(page: Page, node: string) {
  await page.getByRole("button", { name: `Advance to ${node}` }).click();
  await expect(actions(page).getByText(`The case moved on to ${node}.`)).toBeVisible();
}

test("a reviewer works a case from claim to issued document while the applicant follows it", async ({
  page,
  browser,
  baseURL,
  signInPage,
}) => {
  test.setTimeout(180_000);
  const service = await createService("e2e-workspace");
  const applicant = await createUser("APPLICANT");
  // A standard case filed first, then an express one: the express case is the most urgent.
  await createSubmittedCase(applicant.id, service.code, "STANDARD");
  const number = await createSubmittedCase(applicant.id, service.code, "EXPRESS");
  const reviewer = await createUser("REVIEWER", { displayName: "Rita Reviewer" });
  await handleService(reviewer.id, service.id);

  // The reviewer picks the top case of the queue (only this service's, so other tests' cases stay out).
  await signInPage.goto();
  await signInPage.signIn(reviewer.email, reviewer.password);
  await expect(page).toHaveURL(/\/console$/);
  await page.getByLabel("Service").selectOption({ label: service.nameEn });
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByRole("table", { name: "Open cases, most urgent first" }).getByRole("row");
  await expect(rows.nth(1).getByRole("link")).toHaveText(formatApplicationNumber(number));
  await rows.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/console/cases/${number}$`));
  await expect(
    page.getByRole("heading", { name: `Case ${formatApplicationNumber(number)}`, level: 1 }),
  ).toBeVisible();
  const facts = page.getByRole("region", { name: "Case facts" });
  await expect(facts).toContainText("Unassigned");

  await page.getByRole("button", { name: "Claim this case" }).click();
  await expect(actions(page).getByText("You claimed the case.")).toBeVisible();
  await expect(facts).toContainText("Rita Reviewer");
  await expect(page.getByRole("button", { name: "Claim this case" })).toHaveCount(0);

  await advanceTo(page, "Material check");

  // One itemized problem; the due time is prefilled (tomorrow) once the form is live.
  await expect(page.getByLabel("Answer due")).not.toHaveValue("");
  await page.getByLabel("Problem 1", { exact: true }).fill("The visitor's passport page is unreadable");
  await page.getByLabel("How to fix problem 1 (optional)").fill("Upload a sharper scan of the photo page");
  await page
    .getByRole("region", { name: "Request a supplement" })
    .getByLabel("Note to the applicant (optional)")
    .fill("Please send a readable copy.");
  await page
    .getByRole("region", { name: "Request a supplement" })
    .getByLabel("Internal note (optional)")
    .fill("Scan looks deliberately blurred?");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(actions(page).getByText("The supplement request was sent to the applicant.")).toBeVisible();
  await expect(facts).toContainText("Awaiting supplement");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Internal — staff only").first()).toBeVisible();
  await expect(timeline.getByText("Scan looks deliberately blurred?")).toBeVisible();

  // The applicant answers in their own browser.
  const applicantPage = await signedInPage(browser, baseURL, applicant, /\/portal$/);
  await applicantPage.goto(`/portal/applications/${number}`);
  await expect(applicantPage.getByRole("heading", { name: "Material needed from you" })).toBeVisible();
  await expect(applicantPage.getByText("The visitor's passport page is unreadable")).toBeVisible();
  // Internal notes never reach the applicant.
  await expect(applicantPage.getByText("Scan looks deliberately blurred?")).toHaveCount(0);
  await applicantPage.getByLabel("Add files for “Additional files”").setInputFiles({
    name: "passport-page.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([PDF, Buffer.from("sharp")]),
  });
  await expect(applicantPage.getByRole("button", { name: "Remove passport-page.pdf" })).toBeVisible();
  await applicantPage.getByRole("button", { name: "Send answer" }).click();
  await expect(applicantPage.getByRole("heading", { name: "Material needed from you" })).toHaveCount(0);

  // The workspace notices the change and offers a reload instead of refreshing under the reviewer's hands.
  await expect(page.getByText("This case was changed by someone else.")).toBeVisible({ timeout: 25_000 });
  await page.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByText("This case was changed by someone else.")).toHaveCount(0);
  await expect(facts).toContainText("Material check");
  const supplements = page.getByRole("region", { name: "Supplement requests" });
  await expect(supplements.getByText("Answered", { exact: true })).toBeVisible();
  await expect(supplements.getByRole("link", { name: "passport-page.pdf" })).toBeVisible();

  await advanceTo(page, "Substantive review");
  await advanceTo(page, "Decision");

  await page.getByLabel("Payment reference").fill(`E2E-${Date.now()}`);
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(actions(page).getByText("The payment was recorded.")).toBeVisible();
  await expect(facts).toContainText("Paid");

  await page.getByRole("button", { name: "Approve…" }).click();
  const approve = page.getByRole("dialog", { name: "Approve this case?" });
  await approve.getByRole("button", { name: "Yes, approve" }).click();
  await expect(approve).toBeHidden();
  await expect(actions(page).getByText("The case was approved.")).toBeVisible();

  await page.getByLabel("Result document file").setInputFiles({
    name: "invitation-letter.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([PDF, Buffer.from("result")]),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(actions(page).getByText("The result document was uploaded.")).toBeVisible();

  await page.getByRole("button", { name: "Mark document issued…" }).click();
  const issue = page.getByRole("dialog", { name: "Issue the result document?" });
  await issue.getByRole("button", { name: "Yes, mark issued" }).click();
  await expect(issue).toBeHidden();
  await expect(actions(page).getByText("The document was issued and the case is completed.")).toBeVisible();
  await expect(facts).toContainText("Completed");

  // The applicant sees every step in their history and downloads the result.
  await applicantPage.reload();
  const history = applicantPage.getByRole("region", { name: "History" });
  for (const step of [
    "Reviewer assigned",
    "Material requested",
    "Material provided",
    "Payment received",
    "Approved",
    "Document issued",
  ]) {
    await expect(history.getByText(new RegExp(`^${step} · `)).first()).toBeVisible();
  }
  const download = applicantPage.waitForEvent("download");
  await applicantPage.getByRole("link", { name: "Download invitation-letter.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("invitation-letter.pdf");
  await applicantPage.context().close();
});

test("a supervisor reassigns a case and the new reviewer finds it in their queue", async ({
  page,
  browser,
  baseURL,
  signInPage,
}) => {
  test.setTimeout(90_000);
  const service = await createService("e2e-assign");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code);
  const [first, second, supervisor] = await Promise.all([
    createUser("REVIEWER", { displayName: "Rita Reviewer" }),
    createUser("REVIEWER", { displayName: "Rui Reviewer" }),
    createUser("SUPERVISOR", { displayName: "Sam Supervisor" }),
  ]);
  await Promise.all([handleService(first.id, service.id), handleService(second.id, service.id)]);
  await database.query(`UPDATE application SET assignee_id = $1 WHERE number = $2`, [first.id, number]);

  await signInPage.goto();
  await signInPage.signIn(supervisor.email, supervisor.password);
  await expect(page).toHaveURL(/\/console$/);
  await page.goto(`/console/cases/${number}`);
  const facts = page.getByRole("region", { name: "Case facts" });
  await expect(facts).toContainText("Rita Reviewer");
  await page.getByLabel("Assign to").selectOption(second.id);
  await page
    .getByRole("region", { name: "Assign" })
    .getByLabel("Internal note (optional)")
    .fill("Rui covers visa letters this week.");
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(actions(page).getByText("The assignment was saved.")).toBeVisible();
  await expect(facts).toContainText("Rui Reviewer");
  await expect(
    page.getByRole("region", { name: "Timeline" }).getByText("Rui covers visa letters this week."),
  ).toBeVisible();

  const reviewerPage = await signedInPage(browser, baseURL, second, /\/console$/);
  await reviewerPage.getByLabel("Assignee").selectOption({ label: "Assigned to me" });
  await reviewerPage.getByRole("button", { name: "Apply filters" }).click();
  const link = reviewerPage.getByRole("link", { name: formatApplicationNumber(number) });
  await expect(link).toBeVisible();
  await link.click();
  await expect(reviewerPage.getByRole("region", { name: "Case facts" })).toContainText("Rui Reviewer");
  // Now theirs: they may work it.
  await expect(reviewerPage.getByRole("button", { name: "Advance to Material check" })).toBeVisible();
  await reviewerPage.context().close();
});

test("another reviewer may look at a case but not work it, and a keyboard shortcut focuses the claim", async ({
  page,
  signInPage,
}) => {
  const service = await createService("e2e-look");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code);
  const reviewer = await createUser("REVIEWER");
  await handleService(reviewer.id, service.id);
  await signInPage.goto();
  await signInPage.signIn(reviewer.email, reviewer.password);
  await expect(page).toHaveURL(/\/console$/);
  await page.goto(`/console/cases/${number}`);
  await expect(page.getByRole("button", { name: "Claim this case" })).toBeEnabled();
  await expect(page.getByRole("button", { name: /^Advance to/ })).toHaveCount(0);
  await page.keyboard.press("c");
  await expect(page.getByRole("button", { name: "Claim this case" })).toBeFocused();
  await page.keyboard.press("?");
  await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toBeVisible();
});
