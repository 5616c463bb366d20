import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ApplicationForm } from "./pages/application-form";
import { CasePage } from "./pages/case-page";
import { QueuePage } from "./pages/queue-page";
import { SignInPage } from "./pages/sign-in-page";
import { WorkspacePage } from "./pages/workspace-page";
import { scanAfterEachGoto, scanPage } from "./support/axe";
import { callData } from "./support/data";
import type { QueueCase, StaffStep, TestUser } from "./support/data-handlers";

export type Role = "APPLICANT" | "REVIEWER" | "SUPERVISOR" | "ADMIN";
export type { QueueCase, TestUser };
export { ApplicationForm, CasePage, QueuePage, SignInPage, WorkspacePage, callData };

// Arranging state goes through lib/'s own functions (e2e/support/data-handlers.ts); never for asserting UI.

export function createUser(role: Role, overrides: Partial<Omit<TestUser, "id">> = {}): Promise<TestUser> {
  return callData("createUser", role, overrides);
}

/** A service of its own, so other tests' cases never get between a test's cases in the queue. */
export function createService(prefix = "e2e") {
  return callData("createService", prefix);
}

/** Lets a reviewer claim (and be assigned) cases of the service, as an administrator would. */
export function handleService(userId: string, serviceId: string) {
  return callData("handleService", userId, serviceId);
}

/** A submitted case for `applicantId`, created directly (for tests about what happens after submission). */
export function createSubmittedCase(
  applicantId: string,
  serviceCode = "visa-invitation",
  tier: "STANDARD" | "URGENT" | "EXPRESS" = "STANDARD",
) {
  return callData("createSubmittedCase", applicantId, serviceCode, tier);
}

/** A case of `serviceId` at a given step and due time. */
export function createQueueCase(serviceId: string, applicantId: string, spec: QueueCase) {
  return callData("createQueueCase", applicantId, serviceId, spec);
}

/** A submitted case filed with a known mainland ID number (hashed with the server's ID_HASH_KEY), for /track. */
export function createTrackableCase(applicantId: string, idNumber: string, applicantName = "Wang Xiaoming") {
  return callData("createTrackableCase", applicantId, idNumber, applicantName);
}

/** The reviewer claims the case, as "Claim this case" does. */
export function claimCase(number: string, reviewerId: string) {
  return callData("claimCase", number, reviewerId);
}

/** Staff steps through the real workflow module. */
export function runStaffSteps(number: string, reviewerId: string, steps: StaffStep[]) {
  return callData("runStaffSteps", number, reviewerId, steps);
}

/**
 * A rota shift from `fromMinutes` to `toMinutes` around now (e.g. -60 and 60: it started an hour ago
 * and ends in an hour) in the server's rota zone, with its members. At most 24 hours long.
 */
export function setLoadThreshold(serviceId: string, threshold: number | null) {
  return callData("setLoadThreshold", serviceId, threshold);
}

export function createShiftAround(memberIds: string[], fromMinutes: number, toMinutes: number) {
  return callData("createShiftAround", memberIds, fromMinutes, toMinutes);
}

/** Gives a case to whoever is on duty, as a submission does. */
export function autoAssignCase(number: string) {
  return callData("autoAssignCase", number);
}

/**
 * The confirmation link last emailed to `email` (decision 010), read from the outbox row the
 * registration wrote in its own transaction — what the dev mailbox would show once the worker ran.
 */
export async function emailedConfirmationPath(email: string): Promise<string> {
  const path = await callData("emailedPath", email, "account.confirmEmail");
  if (!path) throw new Error(`no confirmation link was emailed to ${email}`);
  return path;
}

/**
 * Signs `user` in by giving the browser the session cookie next-auth itself would set at sign-in
 * (same claims, same secret: lib/auth/session-token.ts), without the sign-in page. Only the tests
 * about signing in go through the form.
 */
export async function signInDirectly(
  context: BrowserContext,
  baseURL: string | undefined,
  user: { id: string },
) {
  if (!baseURL) throw new Error("baseURL is not set");
  const { name, value, maxAge } = await callData("sessionToken", user.id);
  await context.addCookies([
    {
      name,
      value,
      url: baseURL,
      httpOnly: true,
      sameSite: "Lax",
      expires: Math.floor(Date.now() / 1000) + maxAge,
    },
  ]);
}

type Fixtures = {
  /** Serious or critical axe findings on the pages this test visited (e2e/support/axe.ts); any fails it. */
  axeFindings: string[];
  /** Browser errors a test expects (matched by message); any other still fails it. */
  expectedPageErrors: RegExp[];
  resetAddressThrottle: void;
  failOnPageErrors: void;
  signInPage: SignInPage;
  /** Signs the test's page in as `user` (see signInDirectly). */
  login: (user: { id: string }) => Promise<void>;
  /** A second person in their own browser (own cookies, the config's locale and zone), signed in; closed after the test. */
  signedInPage: (user: { id: string }) => Promise<Page>;
};

/** Chromium's refusal to run a script in a sandboxed srcdoc frame (an email preview). */
const SANDBOXED_FRAME =
  /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

/** Fails any test whose page logs an error or throws: such a test has found a bug. */
export const test = base.extend<Fixtures>({
  expectedPageErrors: [[], { option: true }],
  resetAddressThrottle: [
    async ({}, use) => {
      // Every test signs in (and registers) from 127.0.0.1: start each with a clean slate for that address.
      await callData("resetRateLimits", ["signin-ip:", "register-ip:"]);
      await use();
    },
    { auto: true },
  ],
  failOnPageErrors: [
    async ({ page, expectedPageErrors }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        // Failed sign-in attempts answer 401 by design; the browser logs those as resource errors.
        // And axe (support/axe.ts) injects itself into every frame: the mailbox's email previews are
        // sandboxed without scripts on purpose, so Chromium refuses it there and says so.
        const text = message.text();
        if (message.type() === "error" && !/status of 401/.test(text) && !SANDBOXED_FRAME.test(text))
          errors.push(`console.error: ${text}`);
      });
      await use();
      const unexpected = errors.filter((error) => !expectedPageErrors.some((pattern) => pattern.test(error)));
      expect(unexpected, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
  axeFindings: [
    async ({}, use) => {
      const findings: string[] = [];
      await use(findings);
      expect(findings, "accessibility violations (axe)").toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, axeFindings }, use, testInfo) => {
    scanAfterEachGoto(page, axeFindings);
    await use(page);
    // Where the test ended (reached by clicks, perhaps), unless it failed there already.
    if (testInfo.status === testInfo.expectedStatus) axeFindings.push(...(await scanPage(page)));
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  login: async ({ page, baseURL }, use) => {
    await use((user) => signInDirectly(page.context(), baseURL, user));
  },
  signedInPage: async ({ browser, baseURL, axeFindings }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (user) => {
      const context = await newContext(browser, baseURL);
      contexts.push(context);
      await signInDirectly(context, baseURL, user);
      const page = await context.newPage();
      scanAfterEachGoto(page, axeFindings);
      return page;
    });
    for (const context of contexts) {
      if (testInfo.status === testInfo.expectedStatus)
        for (const page of context.pages()) axeFindings.push(...(await scanPage(page)));
      await context.close();
    }
  },
});

/** A browser context of its own with the config's locale and zone. */
export function newContext(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({ baseURL, locale: "en-US", timezoneId: "Asia/Shanghai" });
}

export { expect };

/** Nothing may make the page scroll sideways; on failure, names the widest offenders. */
export async function expectNoSidewaysScroll(page: Page) {
  const { overflow, offenders } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips sideways, being wider is that box's business — unless the
    // element is absolutely positioned against something outside that box (it then escapes it).
    const clipped = (element: HTMLElement) => {
      let escapes = getComputedStyle(element).position === "absolute";
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (!escapes && ["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return true;
        if (escapes && style.position !== "static") escapes = false;
      }
      return false;
    };
    const offenders = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 60)} (${Math.round(element.getBoundingClientRect().right)}px)`,
      );
    return { overflow: document.documentElement.scrollWidth - width, offenders };
  });
  expect(overflow, `wider than the screen: ${offenders.join("; ")}`).toBeLessThanOrEqual(0);
}
