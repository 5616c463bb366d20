import type { Page } from "@playwright/test";
import { makeCnResidentId } from "../lib/identity/id-number";
import { ApplicationForm, callData, createUser, expect, test } from "./fixtures";

// Issue 15 items 1 and 7: an expired session at submit, and nothing left behind on a shared computer.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const REASON =
  "Production checkout fails for every customer since this morning; the incident report is attached.";
const PHONE = "13800138000";
const ID_NUMBER = makeCnResidentId("11010519900307123");

function isoDateInDays(days: number) {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Everything this app keeps in the browser, both storages, as one text. */
function storedText(page: Page) {
  return page.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((store) => Object.keys(store).map((key) => `${key}=${store.getItem(key)}`))
      .join("\n"),
  );
}

async function fillAnswers(form: ApplicationForm) {
  await form.fillUrgency({ tier: "Urgent", neededBy: isoDateInDays(2), reason: REASON });
  await form.answerTriage({
    ifLate: "I lose money or face a legal problem",
    fixedDate: "No fixed date",
    healthOrSafety: "No",
    affected: "Many people (a group, a company, the public)",
  });
  await form.fillApplicant({
    fullName: "Wang Xiaoming",
    idType: "Mainland resident ID card",
    idNumber: ID_NUMBER,
    phone: PHONE,
  });
}

test.describe("an expired session", () => {
  test.beforeEach(() => test.slow());

  test("at submit says so, and signing in again returns to the review step with the draft", async ({
    page,
    login,
    signInPage,
    baseURL,
  }) => {
    const applicant = await createUser("APPLICANT");
    await login(applicant);
    const form = new ApplicationForm(page);
    await form.goto("software-bug-fix");
    await fillAnswers(form);
    await form.attach("Incident description and impact", {
      name: "incident.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await page.getByRole("button", { name: "Continue to review" }).click();
    await expect(page.getByRole("heading", { name: "Step 2 of 2: Check your answers" })).toBeVisible();

    // The session cookie runs out (its 12 hours pass) while the review step is open.
    await page.context().clearCookies({ name: /next-auth\.session-token/ });
    await page.getByRole("button", { name: "Submit application" }).click();
    const main = page.getByRole("main");
    await expect(main.getByRole("alert")).toContainText("Your sign-in has expired. Please sign in again.");
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

    await main.getByRole("link", { name: "Sign in again" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=.*step%3Dreview.*&expired=1$/);
    await expect(page.getByText("Your sign-in has expired. Please sign in again:")).toBeVisible();
    await signInPage.signIn(applicant.email, applicant.password);

    await expect(page).toHaveURL(`${baseURL}/portal/apply/software-bug-fix?step=review`);
    await expect(page.getByRole("heading", { name: "Step 2 of 2: Check your answers" })).toBeVisible();
    // Signed in again: nothing on the page still says the session expired.
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in again" })).toHaveCount(0);
    await expect(page.getByText(REASON)).toBeVisible();
    await expect(page.getByText(ID_NUMBER)).toBeVisible();
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByRole("heading", { name: "Application received" })).toBeVisible();
  });

  test("a page asked for after the session ended says so, and sign-in leads back to that exact page", async ({
    page,
    login,
    signInPage,
    baseURL,
  }) => {
    const applicant = await createUser("APPLICANT");
    await login(applicant);
    await page.goto("/portal");
    // Ended on the server (signed out on another device): the browser still holds its cookie.
    await callData("endSessions", applicant.id);
    await page.goto("/portal/apply/software-bug-fix?from=services");
    await expect(page).toHaveURL(
      `${baseURL}/signin?callbackUrl=%2Fportal%2Fapply%2Fsoftware-bug-fix%3Ffrom%3Dservices&expired=1`,
    );
    await expect(page.getByText("Your sign-in has expired. Please sign in again:")).toBeVisible();
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(`${baseURL}/portal/apply/software-bug-fix?from=services`);
  });
});

test.describe("a shared computer", () => {
  test.beforeEach(() => test.slow());

  test("signing out leaves no draft, contact detail or ID number in the browser", async ({ page, login }) => {
    const applicant = await createUser("APPLICANT");
    await login(applicant);
    const form = new ApplicationForm(page);
    await form.goto("software-bug-fix");
    await fillAnswers(form);
    // The draft is kept while signed in (a refresh loses nothing)…
    await expect.poll(() => storedText(page)).toContain(PHONE);
    await expect.poll(() => storedText(page)).toContain(ID_NUMBER);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    // …and gone once signed out.
    const left = await storedText(page);
    for (const personal of [REASON, PHONE, ID_NUMBER, applicant.email]) expect(left).not.toContain(personal);
    expect(left).not.toContain("expedite:");
  });

  test("signed in as a shared computer, nothing of the form is kept on the device", async ({
    page,
    signInPage,
  }) => {
    const applicant = await createUser("APPLICANT");
    await page.goto("/signin?callbackUrl=%2Fportal%2Fapply%2Fsoftware-bug-fix");
    await page.getByLabel("This is a shared computer").check();
    await signInPage.signIn(applicant.email, applicant.password);
    const form = new ApplicationForm(page);
    await expect(page.getByLabel("Why is it urgent?")).toBeVisible();
    await fillAnswers(form);
    // Not even between keystrokes and a reload.
    for (const personal of [REASON, PHONE, ID_NUMBER]) expect(await storedText(page)).not.toContain(personal);
    await page.reload();
    await expect(page.getByLabel("Why is it urgent?")).toHaveValue("");
    await expect(page.getByLabel("Mobile phone")).toHaveValue("");
    await expect(page.getByRole("heading", { name: "We restored your unfinished application" })).toHaveCount(
      0,
    );
    expect(await storedText(page)).not.toContain("expedite:");
  });
});
