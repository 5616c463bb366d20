import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  CasePage,
  WorkspacePage,
  callData,
  createUser,
  expect,
  expectNoSidewaysScroll,
  test,
} from "./fixtures";

// Tier changes (issue 16, decision 032), against the English texts in case.json and workspace.json.
// The applicant is on a phone and uses the keyboard; the reviewer works at a desk.
test.use({ viewport: { width: 360, height: 740 } });

test("an applicant upgrades on a phone; a reviewer accepts another case as standard and the applicant sees the refund", async ({
  page,
  login,
  signedInPage,
}) => {
  test.setTimeout(120_000);
  const applicant = await createUser("APPLICANT");
  const reviewer = await createUser("REVIEWER", { displayName: "Rita Reviewer" });
  // Specialist appointment: standard, urgent (+30.00) and express (+80.00).
  const upgraded = await callData("paidTierCase", applicant.id, "medical-appointment", "STANDARD", null);
  const accepted = await callData(
    "paidTierCase",
    applicant.id,
    "medical-appointment",
    "EXPRESS",
    reviewer.id,
  );

  await login(applicant);
  const casePage = new CasePage(page);
  await casePage.goto(upgraded);
  const offer = page.getByRole("region", { name: "Faster handling" });
  // The price difference is shown before anything is confirmed.
  await expect(offer.getByText(/^Express: decision expected by .+, .*80\.00 more\.$/)).toBeVisible();
  await offer.getByRole("button", { name: "Upgrade to Express…" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", {
    name: `Upgrade application ${formatApplicationNumber(upgraded)} to Express?`,
  });
  await expect(dialog).toContainText(/You pay .*80\.00 more now, online\./);
  // The safe choice has the focus; the next one pays.
  await expect(dialog.getByRole("button", { name: "No, keep the current tier" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: /^Pay .*80\.00 and upgrade$/ })).toBeFocused();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Express");
  await expect(casePage.history).toContainText("Upgraded to a faster tier");
  // Express is the fastest: nothing more to offer.
  await expect(offer).toHaveCount(0);
  await expectNoSidewaysScroll(page);

  const staffPage = await signedInPage(reviewer);
  const workspace = new WorkspacePage(staffPage);
  await workspace.goto(accepted);
  const explanation = "Your appointment is in five weeks: the standard route is in time.";
  await staffPage.getByRole("button", { name: "Accept as standard…" }).click();
  const confirm = staffPage.getByRole("dialog", { name: "Accept as standard?" });
  await confirm.getByLabel("Explanation for the applicant").fill(explanation);
  await confirm.getByRole("button", { name: "Yes, accept as standard" }).click();
  await workspace.expectDone("The case is now standard.");
  await expect(workspace.timeline).toContainText("Tier changed from “Express” to “Standard”.");

  await casePage.goto(accepted);
  await expect(summary).toContainText("Standard");
  await expect(casePage.history).toContainText("Accepted as standard");
  await expect(casePage.history).toContainText(explanation);
  await expect(casePage.history).toContainText("Refund made");
  // Accepted as standard: no upgrade is offered back.
  await expect(offer).toHaveCount(0);
});
