import {
  answerTriage,
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

test("the application form and the case page fit a phone screen", async ({ page, signInPage }) => {
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id);
  await signInPage.goto();
  await signInPage.signIn(applicant.email, applicant.password);
  await expect(page).toHaveURL(/\/portal$/);
  await expectNoSidewaysScroll(page);

  await page.goto("/portal/apply/medical-appointment");
  await expect(page.getByRole("radio", { name: "Express" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  // A request that is clearly not urgent is offered the standard route; the offer fits the phone too.
  await page.getByRole("radio", { name: "Express" }).check();
  await answerTriage(page, {
    ifLate: "It is inconvenient",
    fixedDate: "No fixed date",
    healthOrSafety: "No",
    affected: "Only me",
  });
  const offer = page.getByRole("region", { name: "This does not look urgent" });
  await expect(offer).toBeVisible();
  await expectNoSidewaysScroll(page);
  await offer.getByRole("button", { name: "Switch to Standard" }).click();
  await expect(page.getByRole("radio", { name: "Standard", exact: true })).toBeChecked();
  await expect(offer.getByText("Switched to Standard.")).toBeFocused();

  await page.goto(`/portal/applications/${number}`);
  await expect(page.getByRole("progressbar", { name: "Progress of the application" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
