import type { Browser, BrowserContext, Page } from "@playwright/test";
import { callData, createUser, expect, test, type SignInPage } from "./fixtures";

/** A second browser that holds a copy of the first one's cookies, as a thief or a forgotten tab would. */
async function copyCookiesInto(browser: Browser, from: BrowserContext): Promise<Page> {
  const copy = await browser.newContext();
  await copy.addCookies(await from.cookies());
  return copy.newPage();
}

async function signedInApplicant(page: Page, signInPage: SignInPage) {
  const user = await createUser("APPLICANT");
  await signInPage.goto();
  await signInPage.signIn(user.email, user.password);
  await expect(page).toHaveURL(/\/portal$/);
  return user;
}

test.describe("revocable sessions", () => {
  // Signing in through the form in two browsers: more than the default budget on a busy two-core machine.
  test.beforeEach(() => test.slow());

  test("a session cookie copied before sign-out is refused after it", async ({
    page,
    browser,
    signInPage,
  }) => {
    await signedInApplicant(page, signInPage);
    const other = await copyCookiesInto(browser, page.context());
    await other.goto("/portal");
    await expect(other.getByRole("heading", { name: "My applications", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await other.goto("/portal");
    await expect(other).toHaveURL(/\/signin/);
    await other.context().close();
  });

  test("a session from before a password change is refused after it", async ({
    page,
    browser,
    signInPage,
  }) => {
    const user = await signedInApplicant(page, signInPage);
    const other = await copyCookiesInto(browser, page.context());
    // However the password changes (an admin reset, a future "change password"), the database ends the sessions.
    await callData("changeAccountDirectly", user.id, { passwordHash: "replaced" });
    for (const tab of [page, other]) {
      await tab.goto("/portal");
      await expect(tab).toHaveURL(/\/signin/);
    }
    await other.context().close();
  });

  test("the session endpoint gives out no name or email", async ({ page, signInPage }) => {
    const user = await signedInApplicant(page, signInPage);
    const session = await (await page.request.get("/api/auth/session")).text();
    expect(session).toContain(user.id);
    expect(session).not.toContain(user.email);
    expect(session).not.toContain(user.displayName);
  });
});
