import { SignInPage, createUser, database, expect, test } from "./fixtures";

test.describe("applicant account", () => {
  test("register, land in the portal, sign out and sign in again", async ({ page, signInPage }) => {
    const email = `new-${Date.now()}@e2e.test`;
    await page.goto("/register");
    await page.getByLabel("Your name").fill("Ada Applicant");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a fine password 7");
    await page.getByLabel("Repeat password").fill("a fine password 7");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole("heading", { name: "My applications", level: 1 })).toBeVisible();
    await expect(page.getByText("Welcome, Ada Applicant.")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/signin/);

    await signInPage.signIn(email, "a fine password 7");
    await expect(page).toHaveURL(/\/portal$/);
  });

  test("registration explains each problem and keeps what was typed", async ({ page }) => {
    const existing = await createUser("APPLICANT");
    await page.goto("/register");
    await page.getByLabel("Your name").fill("Bea");
    await page.getByLabel("Email").fill(existing.email);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Repeat password").fill("other");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(page.getByText("The two passwords do not match.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(existing.email);

    await page.getByLabel("Password", { exact: true }).fill("long enough 123");
    await page.getByLabel("Repeat password").fill("long enough 123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists.", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("an unknown email and a wrong password get the same answer", async ({ page, signInPage }) => {
    const user = await createUser("APPLICANT");
    await signInPage.goto();
    await signInPage.signIn(user.email, "wrong password 1");
    const wrongPassword = await page.getByRole("alert").filter({ hasText: "do not match" }).textContent();
    await signInPage.signIn(`nobody-${Date.now()}@e2e.test`, "wrong password 1");
    const unknownEmail = await page.getByRole("alert").filter({ hasText: "do not match" }).textContent();
    expect(unknownEmail).toBe(wrongPassword);
  });

  test("a stranger's failures slow the account down, but the owner's browser still gets in", async ({ page, signInPage, browser, baseURL }) => {
    // Two browsers and a dozen round trips: more than the default budget on a busy two-core machine.
    test.slow();
    const user = await createUser("APPLICANT");
    // The owner signed in on their laptop before, and signed out.
    const laptop = await browser.newContext({ baseURL, locale: "en-US", timezoneId: "Asia/Shanghai" });
    const owner = new SignInPage(await laptop.newPage());
    await owner.goto();
    await owner.signIn(user.email, user.password);
    await expect(owner.page).toHaveURL(/\/portal/);
    await laptop.clearCookies({ name: /next-auth/ });

    await signInPage.goto();
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInPage.signIn(user.email, `wrong password ${attempt}`);
      await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    }
    await signInPage.signIn(user.email, user.password);
    await expect(page.getByRole("alert").filter({ hasText: /Too many failed attempts for this account or from this network\. Try again in 10 minutes\./ })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);

    await owner.goto();
    await owner.signIn(user.email, user.password);
    await expect(owner.page).toHaveURL(/\/portal/);
    await laptop.close();
  });

});

test.describe("roles", () => {
  test("staff sign in and reach the console", async ({ page, signInPage }) => {
    const reviewer = await createUser("REVIEWER", { displayName: "Rita Reviewer" });
    await signInPage.goto();
    await signInPage.signIn(reviewer.email, reviewer.password);
    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole("heading", { name: "Staff console", level: 1 })).toBeVisible();
    await expect(page.getByText("Signed in as Rita Reviewer (Reviewer).")).toBeVisible();
  });

  test("an applicant is refused from the console", async ({ page, signInPage }) => {
    const applicant = await createUser("APPLICANT");
    await signInPage.goto();
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(/\/portal$/);
    await page.goto("/console");
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Staff console" })).toHaveCount(0);
  });

  test("a deactivated account loses access at once, even with a valid session", async ({ page, signInPage }) => {
    const supervisor = await createUser("SUPERVISOR");
    await signInPage.goto();
    await signInPage.signIn(supervisor.email, supervisor.password);
    await expect(page).toHaveURL(/\/console$/);

    await database.query(`UPDATE "user" SET active = false WHERE id = $1`, [supervisor.id]);
    await page.reload();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a demoted account loses the console at once", async ({ page, signInPage }) => {
    const reviewer = await createUser("REVIEWER");
    await signInPage.goto();
    await signInPage.signIn(reviewer.email, reviewer.password);
    await expect(page).toHaveURL(/\/console$/);

    await database.query(`UPDATE "user" SET role = 'APPLICANT' WHERE id = $1`, [reviewer.id]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });

  test("visitors are sent to sign in from the portal and back after", async ({ page, signInPage }) => {
    const applicant = await createUser("APPLICANT");
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(/\/portal$/);
  });
});
