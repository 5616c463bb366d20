import { formatMoney } from "../lib/i18n/format";
import { CasePage, WorkspacePage, createSubmittedCase, createUser, expect, test } from "./fixtures";
import { callData } from "./support/data";

// Issue 16, item 7 (refunds): the surcharge of a case decided after its tier's promised time goes
// back by itself, and the applicant sees it. Written against the English texts in case.json.

test("a case decided after its promise shows the automatic refund to the applicant", async ({
  page,
  login,
  signedInPage,
}) => {
  const applicant = await createUser("APPLICANT");
  const reviewer = await createUser("REVIEWER");
  const number = await createSubmittedCase(applicant.id, "visa-invitation", "EXPRESS");
  await callData("latePaidCaseAtDecision", number, reviewer.id);

  // A reviewer decides it in the console, an hour after the promised time.
  await login(reviewer);
  const workspace = new WorkspacePage(page);
  await page.goto(`/console/cases/${number}`);
  await expect(workspace.heading(number)).toBeVisible();
  await workspace.approve();
  await expect(workspace.timeline.getByText("Refund paid out by the system")).toBeVisible();

  // The applicant's case page shows the refund, its cause and its reference.
  const applicantPage = await signedInPage(applicant);
  const applicantCase = new CasePage(applicantPage);
  await applicantCase.goto(number);
  const fee = applicantPage.getByRole("region", { name: "Your fee" });
  await expect(fee).toContainText(
    `Decided after your tier’s promised time: the urgent surcharge of ${formatMoney(5_000, "CNY", "en")} is refunded automatically.`,
  );
  await expect(fee).toContainText(/Refunded on .+, the way you paid\. Refund reference: RFD-\w{5}-\w{5}\./);
  await expect(applicantCase.history.getByText(/^Refund made · Step: /)).toBeVisible();
});
