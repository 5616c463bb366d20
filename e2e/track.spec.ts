import type { Page } from "@playwright/test";
import { formatApplicationNumber } from "../lib/applications/application-number";
import { makeCnResidentId } from "../lib/identity/id-number";
import { callData, createTrackableCase, createUser, expect, newContext, test } from "./fixtures";

const ID_NUMBER = makeCnResidentId("11010519850615123");
const OTHER_ID_NUMBER = makeCnResidentId("11010519850615456");

// Every lookup comes from 127.0.0.1: start each test with no lookup failures on record.
test.beforeEach(async () => {
  await callData("resetRateLimits", ["lookup-"]);
});

async function lookUp(page: Page, number: string, idNumber: string) {
  await page.getByLabel("Application number").fill(number);
  await page.getByLabel("Identity document").selectOption({ label: "Mainland resident ID card" });
  await page.getByLabel("ID number", { exact: true }).fill(idNumber);
  // Wait for the Server Action's answer, so each attempt's message is the new one.
  await Promise.all([
    page.waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/track",
    ),
    page.getByRole("button", { name: "Show progress" }).click(),
  ]);
}

test("an anonymous visitor looks a case up with its number and ID number and sees the timeline", async ({
  page,
}) => {
  const applicant = await createUser("APPLICANT");
  const number = await createTrackableCase(applicant.id, ID_NUMBER, "Wang Xiaoming");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/track")
      posts.push(request.postData() ?? "");
  });
  await page.goto("/track");

  // A mistyped check character is explained in the browser, before any request.
  const typo = number.slice(0, -1) + (number.endsWith("0") ? "1" : "0");
  await page.getByLabel("Application number").fill(typo);
  await page.getByLabel("ID number", { exact: true }).fill(ID_NUMBER);
  await page.getByRole("button", { name: "Show progress" }).click();
  await expect(
    page.getByText("Check the number: its last character does not match the others"),
  ).toBeVisible();
  expect(posts).toEqual([]);

  await lookUp(page, formatApplicationNumber(number).toLowerCase(), ID_NUMBER);
  await expect(
    page.getByRole("heading", { name: `Application ${formatApplicationNumber(number)}` }),
  ).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Progress of the application" })).toBeVisible();
  await expect(page.getByText("W*** Xiaoming")).toBeVisible();
  await expect(page.getByText("Wang Xiaoming")).toHaveCount(0);
  await page.getByRole("button", { name: /^Submitted/ }).click();
  await expect(page.getByRole("region", { name: "Details: Submitted" })).toBeVisible();

  // The ID number went in the POST body only, and is cleared from the form once used.
  expect(page.url()).not.toContain(ID_NUMBER);
  expect(posts.some((body) => body.includes(ID_NUMBER))).toBe(true);
  await expect(page.getByLabel("ID number", { exact: true })).toHaveValue("");
});

test("a stranger's guesses slow the number down, but the applicant's browser still gets in and the refusal names the ways that always work", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two browsers and a dozen round trips: more than the default budget on a busy two-core machine.
  test.slow();
  const applicant = await createUser("APPLICANT");
  const number = await createTrackableCase(applicant.id, ID_NUMBER);
  // The applicant looked the case up on their phone before.
  const applicantsPhone = await newContext(browser, baseURL);
  const phone = await applicantsPhone.newPage();
  await phone.goto("/track");
  await lookUp(phone, number, ID_NUMBER);
  await expect(
    phone.getByRole("heading", { name: `Application ${formatApplicationNumber(number)}` }),
  ).toBeVisible();

  await page.goto("/track");
  const notFound = page.getByText(
    "No application matches this number and ID number. Check both and try again.",
  );
  for (let attempt = 1; attempt <= 5; attempt++) {
    await lookUp(page, number, OTHER_ID_NUMBER);
    await expect(notFound).toBeVisible();
  }
  // Refused now, even for the right ID number, and told what always works.
  await lookUp(page, number, ID_NUMBER);
  await expect(
    page.getByText("Too many attempts for this number or from this network. Try again in 60 minutes."),
  ).toBeVisible();
  await expect(
    page.getByText(
      /These always work: sign in to see your own applications, or ask the applicant for a share link/,
    ),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toHaveAttribute(
    "href",
    "/signin?callbackUrl=%2Fportal",
  );
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await lookUp(phone, number, ID_NUMBER);
  await expect(
    phone.getByRole("heading", { name: `Application ${formatApplicationNumber(number)}` }),
  ).toBeVisible();
  await applicantsPhone.close();
});
