import { formatApplicationNumber } from "../lib/applications/application-number";
import { makeCnResidentId } from "../lib/identity/id-number";
import {
  answerTriage,
  createSubmittedCase,
  createUser,
  expect,
  registerThroughUi,
  runStaffSteps,
  test,
} from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
// A real 2 × 2 PNG: uploads are decoded and re-encoded, so a bare signature would be refused.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWOQi1ogF7WAAUIBABymBGEvltN2AAAAAElFTkSuQmCC",
  "base64",
);

function isoDateInDays(days: number) {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

test("a new applicant files an express application, answers a supplement and follows the timeline", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = `filer-${Date.now()}@e2e.test`;
  await registerThroughUi(page, { displayName: "Wang Xiaoming", email, password: "urgent matters 24" });

  await page.getByRole("link", { name: "New application" }).click();
  await page.getByRole("link", { name: "Apply for Specialist medical appointment" }).click();
  await page.getByRole("radio", { name: "Express" }).check();
  await page.getByLabel("Needed by").fill(isoDateInDays(3));
  await page
    .getByLabel("Why is it urgent?")
    .fill(
      "I need a cardiology appointment within three days because my referral says the arrhythmia must be checked urgently; attached: referral.",
    );
  await answerTriage(page, {
    ifLate: "Someone's health or safety is at risk",
    fixedDate: "Yes, an appointment",
    fixedDateOn: isoDateInDays(3),
    healthOrSafety: "Yes",
    affected: "Only me",
  });
  // Urgent by every answer: no suggestion to take the standard route.
  await expect(page.getByRole("region", { name: "This does not look urgent" })).toHaveCount(0);
  await page.getByLabel("Full name").fill("Wang Xiaoming");
  await page.getByRole("radio", { name: "Mainland resident ID card" }).check();
  await page.getByLabel("ID number").fill(makeCnResidentId("11010519900307123"));
  await page.getByLabel("Mobile phone").fill("13800138000");
  await page
    .getByLabel("Add files for “Identity document (both sides)”")
    .setInputFiles({ name: "id-card.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("button", { name: "Remove id-card.png" })).toBeVisible();
  await page
    .getByLabel("Add files for “Doctor's letter or referral”")
    .setInputFiles({ name: "referral.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByRole("button", { name: "Remove referral.pdf" })).toBeVisible();

  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 2: Check your answers" })).toBeVisible();
  await page.getByRole("button", { name: "Submit application" }).click();

  await expect(page.getByRole("heading", { name: "Application received" })).toBeVisible();
  const number = /\/portal\/applications\/(EX[0-9A-Z]{9})\/confirmation/.exec(page.url())?.[1];
  expect(number).toBeTruthy();
  await page.getByRole("link", { name: "Go to your case" }).click();

  const progress = page.getByRole("progressbar", { name: "Progress of the application" });
  await expect(progress).toBeVisible();
  await expect(page.locator('li[aria-current="step"]')).toContainText("Submitted");

  const reviewer = await createUser("REVIEWER", { displayName: "Rita Reviewer" });
  runStaffSteps(number!, reviewer.id, ["ADVANCE", "REQUEST_SUPPLEMENT"]);

  // The page notices the change by itself (no reload).
  await expect(page.getByRole("heading", { name: "Material needed from you" })).toBeVisible({
    timeout: 25_000,
  });
  await expect(page.getByText("The hospital letter is not signed")).toBeVisible();
  await page.getByRole("button", { name: "Material check" }).first().click();
  await expect(page.getByRole("region", { name: "Details: Material check" }).first()).toContainText(
    "Rita Reviewer",
  );

  await page.getByLabel("Note").fill("Here is the signed and stamped letter.");
  await page.getByLabel("Add files for “Additional files”").setInputFiles({
    name: "signed-letter.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([PDF, Buffer.from("signed")]),
  });
  await expect(page.getByRole("button", { name: "Remove signed-letter.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "Send answer" }).click();

  await expect(page.getByRole("heading", { name: "Material needed from you" })).toHaveCount(0);
  await expect(page.locator('li[aria-current="step"]')).toContainText("Material check");
});

test("an applicant withdraws an application after confirming", async ({ page, signInPage }) => {
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id);
  await signInPage.goto();
  await signInPage.signIn(applicant.email, applicant.password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(`/portal/applications/${number}`);

  await page.getByRole("button", { name: "Withdraw application" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw this application?" });
  await dialog.getByRole("button", { name: "No, keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Withdraw application" })).toBeVisible();

  await page.getByRole("button", { name: "Withdraw application" }).click();
  await dialog.getByLabel("Reason (optional)").fill("The conference was cancelled.");
  await dialog.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(page.getByRole("button", { name: "Withdraw application" })).toHaveCount(0);
  await expect(page.locator('li[aria-current="step"]')).toHaveCount(0);
  await expect(page.getByText("Withdrawn").first()).toBeVisible();
});

test("another applicant's case is not found", async ({ page, signInPage }) => {
  const owner = await createUser("APPLICANT");
  const number = await createSubmittedCase(owner.id);
  const intruder = await createUser("APPLICANT");
  await signInPage.goto();
  await signInPage.signIn(intruder.email, intruder.password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(`/portal/applications/${number}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  // Pages print the dashed form: neither form may appear in what the page shows.
  for (const printed of [number, formatApplicationNumber(number)])
    await expect(page.getByText(printed)).toHaveCount(0);
});
