import {
  SignInPage,
  callData,
  createUser,
  emailedConfirmationPath,
  expect,
  newContext,
  test,
} from "./fixtures";

test.describe("applicant account", () => {
  // Registering, confirming and signing in page by page: more than the default budget on a busy two-core machine.
  test.beforeEach(() => test.slow());

  test("register, sign in unconfirmed, confirm by the emailed link and land where you were going", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    const email = `new-${Date.now()}@e2e.test`;
    await page.goto("/portal/apply");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByRole("link", { name: "Create one" }).click();
    await expect(page).toHaveURL(/\/register\?callbackUrl=%2Fportal%2Fapply$/);
    await page.getByLabel("Your name").fill("Ada Applicant");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a fine password 7");
    await page.getByLabel("Repeat password").fill("a fine password 7");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    // Unconfirmed accounts can sign in; the portal asks them to confirm (and refuses to file meanwhile).
    await page.getByRole("main").getByRole("link", { name: "Sign in to continue" }).click();
    await signInPage.signIn(email, "a fine password 7");
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);
    const reminder = page.getByRole("region", { name: "Confirm your email address" });
    await expect(reminder).toContainText(`we sent a link to ${email}`);
    await reminder.getByRole("button", { name: "Send the link again" }).click();
    await expect(
      reminder.getByText("We sent a link less than a minute ago.", { exact: false }),
    ).toBeVisible();

    await page.goto(await emailedConfirmationPath(email));
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);
    await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/signin/);
    await signInPage.signIn(email, "a fine password 7");
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("Welcome, Ada Applicant.")).toBeVisible();
  });

  test("the emailed link also works signed out, and then signing in goes where you were going", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    const email = `elsewhere-${Date.now()}@e2e.test`;
    await page.goto(`/register?callbackUrl=${encodeURIComponent("/portal/apply")}`);
    await page.getByLabel("Your name").fill("Cai Elsewhere");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a fine password 8");
    await page.getByLabel("Repeat password").fill("a fine password 8");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    const link = await emailedConfirmationPath(email);
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByText("Your email address is confirmed. Sign in to continue.")).toBeVisible();
    await signInPage.signIn(email, "a fine password 8");
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);
    await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

    // A used link does nothing more.
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByText("This link is not valid any more", { exact: false })).toBeVisible();
  });

  test("registering a taken email (applicant or staff) looks exactly like registering a new one", async ({
    page,
  }) => {
    const answerFor = async (email: string) => {
      await page.goto("/register");
      await page.getByLabel("Your name").fill("Bea");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("long enough 123");
      await page.getByLabel("Repeat password").fill("long enough 123");
      await page.getByRole("button", { name: "Create account" }).click();
      const answer = page.getByRole("region", { name: "Check your email" });
      await expect(answer).toBeVisible();
      return (await answer.textContent())!.replace(email, "<email>");
    };
    const fresh = await answerFor(`fresh-${Date.now()}@e2e.test`);
    const applicant = await createUser("APPLICANT");
    const staff = await createUser("SUPERVISOR");
    expect(await answerFor(applicant.email)).toBe(fresh);
    expect(await answerFor(staff.email)).toBe(fresh);
    // The owners hear about it by email instead.
    const told = await callData("emailRecipients", [applicant.email, staff.email], "account.exists");
    expect(told.sort()).toEqual([applicant.email, staff.email].sort());
  });

  test("registration explains each problem and keeps what was typed", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Your name").fill("Bea");
    await page.getByLabel("Email").fill("bea@e2e.test");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Repeat password").fill("other");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
    await expect(page.getByText("The two passwords do not match.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("bea@e2e.test");
    await expect(page.getByLabel("Your name")).toHaveValue("Bea");

    // Long enough but common: refused by the server's estimator, with a message that says why.
    await page.getByLabel("Password", { exact: true }).fill("password1234");
    await page.getByLabel("Repeat password").fill("password1234");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This password is too easy to guess", { exact: false })).toBeVisible();
    await expect(page.getByText("Use at least 12 characters.")).toBeHidden();
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

  test("a stranger's failures slow the account down, but the owner's browser still gets in", async ({
    page,
    signInPage,
    browser,
    baseURL,
  }) => {
    // Two browsers and a dozen round trips: more than the default budget on a busy two-core machine.
    test.slow();
    const user = await createUser("APPLICANT");
    // The owner signed in on their laptop before, and signed out.
    const laptop = await newContext(browser, baseURL);
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
    await expect(
      page.getByRole("alert").filter({
        hasText: /Too many failed attempts for this account or from this network\. Try again in 10 minutes\./,
      }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);

    await owner.goto();
    await owner.signIn(user.email, user.password);
    await expect(owner.page).toHaveURL(/\/portal/);
    await laptop.close();
  });

  test("an owner refused on a new device unlocks it with an emailed link, and still needs the password", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    const user = await createUser("APPLICANT");
    await signInPage.goto();
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInPage.signIn(user.email, `wrong password ${attempt}`);
      await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    }
    await signInPage.signIn(user.email, user.password);
    await expect(page.getByRole("alert").filter({ hasText: /Too many failed attempts/ })).toBeVisible();
    await page.getByRole("button", { name: "Email me an unlock link" }).click();
    await expect(page.getByText("If this email belongs to an account, a link is on its way.")).toBeVisible();

    expect(await callData("emailRecipients", [user.email], "account.unlockSignIn")).toHaveLength(1);
    const unlockPath = await callData("emailedPath", user.email, "account.unlockSignIn");
    await page.goto(unlockPath!);
    await expect(page).toHaveURL(`${baseURL}/signin?unlock=ok`);
    await expect(
      page.getByRole("status").filter({ hasText: "This device can sign in again." }),
    ).toBeVisible();
    await signInPage.signIn(user.email, "still the wrong password");
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await signInPage.signIn(user.email, user.password);
    await expect(page).toHaveURL(/\/portal/);

    await page.context().clearCookies();
    await page.goto("/signin/unlock?token=forged");
    await expect(
      page.getByRole("alert").filter({ hasText: "This unlock link has expired or is not valid." }),
    ).toBeVisible();
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

  test("a deactivated account loses access at once, even with a valid session", async ({
    page,
    signInPage,
  }) => {
    const supervisor = await createUser("SUPERVISOR");
    await signInPage.goto();
    await signInPage.signIn(supervisor.email, supervisor.password);
    await expect(page).toHaveURL(/\/console$/);

    // As an administrator deactivates: the account row changes, the session cookie stays as it was.
    await callData("deactivateStaff", supervisor.id);
    await page.reload();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a demoted account loses the console at once: a role change ends its sessions", async ({
    page,
    signInPage,
  }) => {
    const reviewer = await createUser("REVIEWER");
    await signInPage.goto();
    await signInPage.signIn(reviewer.email, reviewer.password);
    await expect(page).toHaveURL(/\/console$/);

    await callData("changeAccountDirectly", reviewer.id, { role: "APPLICANT" });
    await page.reload();
    await expect(page).toHaveURL(/\/signin/);
    await signInPage.signIn(reviewer.email, reviewer.password);
    // Let the sign-in land (it follows the callback to /console) before opening the console again.
    await expect(page).not.toHaveURL(/\/signin/);
    await page.goto("/console");
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

test.describe("keeping the user's place", () => {
  test.beforeEach(() => test.slow());

  test("from the home page through sign-in and registration, a new applicant lands on the apply form", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    const email = `start-${Date.now()}@e2e.test`;
    await page.goto("/");
    await page.getByRole("link", { name: "Start an urgent application" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fportal%2Fapply$/);
    await page.getByRole("link", { name: "Create one" }).click();
    await page.getByLabel("Your name").fill("Lin Starter");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a fine password 9");
    await page.getByLabel("Repeat password").fill("a fine password 9");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    // Whichever "sign in" the new applicant takes, it leads on to the form, not an empty portal.
    await expect(page.getByRole("main").getByRole("link", { name: "Sign in to continue" })).toHaveAttribute(
      "href",
      "/signin?callbackUrl=%2Fportal%2Fapply",
    );
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
    await signInPage.signIn(email, "a fine password 9");
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);

    await page.goto(await emailedConfirmationPath(email));
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);
  });

  test("every service on /services starts an application of that service", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    const applicant = await createUser("APPLICANT");
    await page.goto("/services");
    await page.getByRole("link", { name: "Apply for Visa invitation letter" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fportal%2Fapply%2Fvisa-invitation$/);
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(`${baseURL}/portal/apply/visa-invitation`);
    await expect(
      page.getByRole("heading", { name: "Apply: Visa invitation letter", level: 1 }),
    ).toBeVisible();
  });
});
