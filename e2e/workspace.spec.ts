import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  CasePage,
  QueuePage,
  WorkspacePage,
  claimCase,
  createService,
  createSubmittedCase,
  createUser,
  expect,
  handleService,
  test,
} from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/workspace.json, case.json and queue.json.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

test("a reviewer works a case from claim to issued document while the applicant follows it", async ({
  page,
  login,
  signedInPage,
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
  await login(reviewer);
  const queue = new QueuePage(page);
  await queue.goto();
  await queue.filter({ service: service.nameEn });
  await expect(queue.caseLink(1)).toHaveText(formatApplicationNumber(number));
  await queue.caseLink(1).click();
  await expect(page).toHaveURL(new RegExp(`/console/cases/${number}$`));
  const workspace = new WorkspacePage(page);
  await expect(workspace.heading(number)).toBeVisible();
  await expect(workspace.facts).toContainText("Unassigned");

  await workspace.claim();
  await expect(workspace.facts).toContainText("Rita Reviewer");
  await expect(workspace.claimButton).toHaveCount(0);

  await workspace.advanceTo("Material check");

  // One itemized problem, with a note for the applicant and one for staff only.
  await workspace.requestSupplement({
    problem: "The visitor's passport page is unreadable",
    fix: "Upload a sharper scan of the photo page",
    note: "Please send a readable copy.",
    internalNote: "Scan looks deliberately blurred?",
  });
  await expect(workspace.facts).toContainText("Awaiting supplement");
  // Every note says who wrote it and who can read it (issue 15 item 6).
  await expect(workspace.timeline.getByText("Rita Reviewer (Reviewer) · internal, staff only")).toBeVisible();
  await expect(
    workspace.timeline.getByText("Rita Reviewer (Reviewer) · visible to the applicant").first(),
  ).toBeVisible();
  await expect(workspace.timeline.getByText("Scan looks deliberately blurred?")).toBeVisible();

  // The applicant answers in their own browser.
  const applicantPage = await signedInPage(applicant);
  const applicantCase = new CasePage(applicantPage);
  await applicantCase.goto(number);
  await expect(applicantCase.supplementRequest).toBeVisible();
  await expect(applicantPage.getByText("The visitor's passport page is unreadable")).toBeVisible();
  // Internal notes never reach the applicant.
  await expect(applicantPage.getByText("Scan looks deliberately blurred?")).toHaveCount(0);
  await applicantCase.answerSupplement({
    note: "Here is a sharper scan.",
    file: {
      name: "passport-page.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([PDF, Buffer.from("sharp")]),
    },
  });

  // The workspace notices the change and offers a reload instead of refreshing under the reviewer's hands.
  await expect(workspace.changedElsewhere).toBeVisible({ timeout: 25_000 });
  await workspace.reloadAfterChange();
  await expect(workspace.facts).toContainText("Material check");
  await expect(workspace.supplements.getByText("Answered", { exact: true })).toBeVisible();
  // The applicant's answer is labelled as theirs, not as a note to them.
  await expect(
    workspace.timeline.getByText(`From the applicant, ${applicant.displayName} · visible to the applicant`),
  ).toBeVisible();
  await expect(workspace.supplements.getByRole("link", { name: "passport-page.pdf" })).toBeVisible();

  await workspace.advanceTo("Substantive review");
  await workspace.advanceTo("Decision");

  await workspace.recordPayment(`E2E-${Date.now()}`);
  await expect(workspace.facts).toContainText("Paid");
  await workspace.approve();
  await workspace.uploadResult({
    name: "invitation-letter.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([PDF, Buffer.from("result")]),
  });
  await workspace.issueResult();
  await expect(workspace.facts).toContainText("Completed");

  // The applicant sees every step in their history and downloads the result.
  await applicantPage.reload();
  for (const step of [
    "Reviewer assigned",
    "Material requested",
    "Material provided",
    "Payment received",
    "Approved",
    "Document issued",
  ]) {
    await expect(applicantCase.history.getByText(new RegExp(`^${step} · `)).first()).toBeVisible();
  }
  const download = applicantPage.waitForEvent("download");
  await applicantPage.getByRole("link", { name: "Download invitation-letter.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("invitation-letter.pdf");
});

test("a supervisor reassigns a case and the new reviewer finds it in their queue", async ({
  page,
  login,
  signedInPage,
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
  await claimCase(number, first.id);

  await login(supervisor);
  const workspace = new WorkspacePage(page);
  await workspace.goto(number);
  await expect(workspace.facts).toContainText("Rita Reviewer");
  await workspace.assign(second.id, "Rui covers visa letters this week.");
  await expect(workspace.facts).toContainText("Rui Reviewer");
  await expect(workspace.timeline.getByText("Rui covers visa letters this week.")).toBeVisible();

  const reviewerPage = await signedInPage(second);
  const queue = new QueuePage(reviewerPage);
  await queue.goto();
  await queue.filter({ assignee: "Assigned to me" });
  const link = reviewerPage.getByRole("link", { name: formatApplicationNumber(number) });
  await expect(link).toBeVisible();
  await link.click();
  const theirs = new WorkspacePage(reviewerPage);
  await expect(theirs.facts).toContainText("Rui Reviewer");
  // Now theirs: they may work it.
  await expect(theirs.advanceButton("Material check")).toBeVisible();
});

test("another reviewer may look at a case but not work it, and a keyboard shortcut focuses the claim", async ({
  page,
  login,
}) => {
  const service = await createService("e2e-look");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code);
  const reviewer = await createUser("REVIEWER");
  await handleService(reviewer.id, service.id);
  await login(reviewer);
  const workspace = new WorkspacePage(page);
  await workspace.goto(number);
  await expect(workspace.claimButton).toBeEnabled();
  await expect(workspace.advanceButton(/^Advance to/)).toHaveCount(0);
  await page.keyboard.press("c");
  await expect(workspace.claimButton).toBeFocused();
  await page.keyboard.press("?");
  await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toBeVisible();
});
