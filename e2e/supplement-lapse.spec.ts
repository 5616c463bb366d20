import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  CasePage,
  QueuePage,
  WorkspacePage,
  callData,
  createService,
  createShiftAround,
  createSubmittedCase,
  createUser,
  expect,
  handleService,
  runStaffSteps,
  test,
} from "./fixtures";

// Issue 16, item 7: a lapsed supplement is handled by the reviewer. English texts of
// lib/i18n/messages/en/queue.json, workspace.json and case.json.

test("a lapsed supplement is flagged to its reviewer, who closes the case as not provided", async ({
  page,
  login,
  signedInPage,
}) => {
  test.setTimeout(120_000);
  const service = await createService("e2e-lapse");
  const applicant = await createUser("APPLICANT");
  const reviewer = await createUser("REVIEWER", { displayName: "Lapse Reviewer" });
  await handleService(reviewer.id, service.id);
  await createShiftAround([reviewer.id], -60, 60);
  const number = await createSubmittedCase(applicant.id, service.code, "URGENT");
  await runStaffSteps(number, reviewer.id, ["ADVANCE", "REQUEST_SUPPLEMENT"]);
  await callData("lapseSupplement", number);

  await login(reviewer);
  const queue = new QueuePage(page);
  await queue.goto();
  await queue.filter({ service: service.nameEn });
  await expect(queue.caseLink(1)).toHaveText(formatApplicationNumber(number));
  await expect(queue.rows.nth(1).getByText("Supplement overdue")).toBeVisible();
  await queue.caseLink(1).click();

  const workspace = new WorkspacePage(page);
  await expect(workspace.heading(number)).toBeVisible();
  await expect(workspace.facts.getByText(/Supplement overdue since/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Give more time" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue without the material" })).toBeVisible();

  await page.getByRole("button", { name: "Close as not provided" }).click();
  const dialog = page.getByRole("dialog", { name: "Close the case as not provided?" });
  await expect(dialog.getByText(/was not provided by its due time/)).toBeVisible();
  await dialog.getByRole("button", { name: "Close the case" }).click();
  await workspace.expectDone("The case is closed as not provided.");
  await expect(page.getByRole("button", { name: "Close as not provided" })).toHaveCount(0);

  // The applicant reads the standard reason in their case history.
  const applicantPage = await signedInPage(applicant);
  const applicantCase = new CasePage(applicantPage);
  await applicantCase.goto(number);
  await expect(applicantCase.history.getByText(/was not provided by its due time/)).toBeVisible();
});
