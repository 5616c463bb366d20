import type { Browser, Page } from "@playwright/test";
import { createUser, expect, test } from "./fixtures";

// Issue 12, items 4 (no open redirect) and 5 (passwords never in a URL).

/** Answers for evil.example so a test that got sent there sees it at once, without a DNS wait. */
async function trapEvilSite(page: Page) {
  await page.context().route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }),
  );
}

test.describe("return addresses stay on the app", () => {
  test("signing in with callbackUrl=/%09/evil.example/ ends on the app", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    await trapEvilSite(page);
    const applicant = await createUser("APPLICANT");
    await page.goto("/signin?callbackUrl=/%09/evil.example/");
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(`${baseURL}/portal`);
    await expect(page.getByRole("heading", { name: "My applications", level: 1 })).toBeVisible();
  });

  test("a signed-in visitor sent to /signin with a hostile callbackUrl stays on the app", async ({
    page,
    signInPage,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    await trapEvilSite(page);
    const applicant = await createUser("APPLICANT");
    await signInPage.goto();
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(`${baseURL}/portal`);
    for (const spelling of [
      "/%0A/evil.example/",
      "//evil.example",
      "/%5Cevil.example",
      "%2F%2Fevil.example",
      "https://evil.example",
      "/.//evil.example",
      "http://app@evil.example",
    ]) {
      // Both pages send a signed-in visitor on at once, sometimes by a client-side redirect that
      // aborts the first navigation: wait for the response only, then for where the visitor lands.
      for (const path of ["/signin", "/signin/continue"]) {
        await page.goto(`${path}?callbackUrl=${spelling}`, { waitUntil: "commit" });
        await expect(page, `${path} ${spelling}`).not.toHaveURL(/\/signin/);
        await expect(page, `${path} ${spelling}`).toHaveURL(new RegExp(`^${baseURL}/`));
      }
    }
  });

  test("a same-origin callbackUrl is still followed after sign-in", async ({ page, signInPage, baseURL }) => {
    const applicant = await createUser("APPLICANT");
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/portal/apply")}`);
    await signInPage.signIn(applicant.email, applicant.password);
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);
  });
});

/**
 * A page whose form is sent before the app's scripts have loaded, and every URL it requested.
 * `javaScriptEnabled: false` for pages that render at once; pages that stream behind a loading
 * skeleton need the HTML's own inline scripts to reveal their content, so for those only the
 * app's bundles are held back (React never hydrates, as on a slow connection).
 */
async function pageWithoutJavaScript(
  browser: Browser,
  baseURL: string | undefined,
  mode: "disabled" | "bundlesBlocked" = "disabled",
) {
  const context = await browser.newContext({
    javaScriptEnabled: mode === "bundlesBlocked",
    baseURL,
    locale: "en-US",
  });
  if (mode === "bundlesBlocked") await context.route("**/_next/static/**/*.js", (route) => route.abort());
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return { page, urls, close: () => context.close() };
}

function expectNotInAnyUrl(urls: string[], secret: string) {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    expect(decodeURIComponent(url.replaceAll("+", " ")), "a secret in a request URL").not.toContain(secret);
  }
}

test.describe("before JavaScript has loaded", () => {
  test("sign-in posts, keeps the password out of every URL and still signs in", async ({
    browser,
    baseURL,
  }) => {
    const applicant = await createUser("APPLICANT");
    const { page, urls, close } = await pageWithoutJavaScript(browser, baseURL);
    await page.goto("/signin?callbackUrl=%2Fportal%2Fapply");
    await page.getByLabel("Email").fill(applicant.email);
    await page.getByLabel("Password").fill("a wrong password 1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(applicant.email);

    await page.getByLabel("Password").fill(applicant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/portal/apply`);
    expectNotInAnyUrl(urls, applicant.password);
    expectNotInAnyUrl(urls, "a wrong password 1");
    await close();
  });

  test("registration posts and keeps the password out of every URL", async ({ browser, baseURL }) => {
    const { page, urls, close } = await pageWithoutJavaScript(browser, baseURL);
    const password = "no script password 8";
    await page.goto("/register");
    await page.getByLabel("Your name").fill("Nora Noscript");
    await page.getByLabel("Email").fill(`noscript-${Date.now()}@e2e.test`);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Repeat password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    expectNotInAnyUrl(urls, password);
    await close();
  });

  test("an admin creates a staff account and resets a password with the forms posting", async ({
    browser,
    baseURL,
  }) => {
    const admin = await createUser("ADMIN");
    const { page, urls, close } = await pageWithoutJavaScript(browser, baseURL, "bundlesBlocked");
    await page.goto("/signin");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/console`);

    const initial = "initial staff pass 2026";
    await page.goto("/console/admin/staff/new");
    await page.getByLabel("Name", { exact: true }).fill("Nico Noscript");
    await page.getByLabel("Email", { exact: true }).fill(`nico-${Date.now()}@e2e.test`);
    await page.getByLabel("Initial password").fill(initial);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Nico Noscript", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByText("The new temporary password of Nico Noscript:")).toBeVisible();
    expectNotInAnyUrl(urls, initial);
    expectNotInAnyUrl(urls, admin.password);
    await close();
  });
});
