import {
  ApplicationForm,
  CasePage,
  createSubmittedCase,
  createUser,
  expect,
  expectNoSidewaysScroll,
  test,
} from "./fixtures";

// The narrowest phones still in use: nothing may scroll sideways.
test.use({ viewport: { width: 360, height: 740 } });

test("the home page and catalog fit a phone screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Track an application" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Urgent software bug fix" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("the application form and the case page fit a phone screen", async ({ page, login }) => {
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id);
  await login(applicant);
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: "My applications", level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);

  const form = new ApplicationForm(page);
  await form.goto("medical-appointment");
  await expect(form.tier("Express")).toBeVisible();
  await expectNoSidewaysScroll(page);
  // A request that is clearly not urgent is offered the standard route; the offer fits the phone too.
  await form.tier("Express").check();
  await form.answerTriage({
    ifLate: "It is inconvenient",
    fixedDate: "No fixed date",
    healthOrSafety: "No",
    affected: "Only me",
  });
  const offer = form.standardRouteOffer;
  await expect(offer).toBeVisible();
  await expectNoSidewaysScroll(page);
  await offer.getByRole("button", { name: "Switch to Standard" }).click();
  await expect(form.tier("Standard")).toBeChecked();
  await expect(offer.getByText("Switched to Standard.")).toBeFocused();

  const casePage = new CasePage(page);
  await casePage.goto(number);
  await expect(casePage.progress).toBeVisible();
  await expectNoSidewaysScroll(page);
});
