import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { createUser, expect, test } from "./fixtures";

// Written against the English texts in
// lib/i18n/messages/en/dashboard.json and the demo cases of prisma/seed/cases.ts, which npm test
// seeds into the e2e database. Other specs add cases of their own services, never of the demo
// software-bug-fix service, so its numbers are exact; across all services they are lower bounds.

const SERVICE = "Urgent software bug fix";
const CSV_HEADER =
  /^Number,Service,Tier,Submitted \(.+\),Closed \(.+\),Current step,First response \(minutes\),Rating,Follow-ups$/;

/** The panel of one chart or figure, by its heading. */
const panel = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });

/** Opens a panel's table of numbers and returns the count in the row of `step`. */
async function countIn(region: Locator, step: string): Promise<number> {
  const toggle = region.getByText("Show the numbers");
  if (!(await region.getByRole("table").isVisible())) await toggle.click();
  const row = region.getByRole("row", { name: new RegExp(`^${step} \\d+$`) });
  await expect(row).toBeVisible();
  return Number(await row.getByRole("cell").first().textContent());
}

test("a supervisor reads the live counts and charts, filters by a service and downloads the cases", async ({
  page,
  login,
}) => {
  const supervisor = await createUser("SUPERVISOR");
  await login(supervisor);
  await page.goto("/console/dashboard");
  await expect(page.getByRole("heading", { name: "Operations dashboard", level: 1 })).toBeVisible();

  // Live counts of open cases per step: the demo cases are at least there.
  const open = panel(page, "Open cases now, per step");
  await expect(open.getByRole("heading", { name: "Open cases now, per step" })).toBeVisible();
  expect(await countIn(open, "Submitted")).toBeGreaterThanOrEqual(2);
  expect(await countIn(open, "Material check")).toBeGreaterThanOrEqual(1);
  expect(await countIn(open, "Awaiting supplement")).toBeGreaterThanOrEqual(1);
  expect(await countIn(open, "Substantive review")).toBeGreaterThanOrEqual(1);

  // Every chart has its heading, a summary in words and its numbers.
  for (const heading of [
    "On time per step",
    "On time per service",
    "Time per step",
    "Submissions by hour of day",
    "Satisfaction",
  ]) {
    const region = panel(page, heading);
    await expect(region.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await expect(region.getByText("Show the numbers")).toBeVisible();
  }
  await expect(panel(page, "First response").getByRole("heading", { name: "First response" })).toBeVisible();
  await expect(
    panel(page, "Follow-ups (催办)").getByRole("heading", { name: "Follow-ups (催办)" }),
  ).toBeVisible();

  // One service: the demo's two bug-fix cases, one open (just submitted), one completed.
  await page.getByLabel("Service", { exact: true }).selectOption({ label: SERVICE });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]service=[0-9a-f-]{36}/);
  const filteredOpen = panel(page, "Open cases now, per step");
  expect(await countIn(filteredOpen, "Submitted")).toBe(1);
  expect(await countIn(filteredOpen, "Material check")).toBe(0);
  expect(await countIn(filteredOpen, "Substantive review")).toBe(0);
  // The completed case spent longest in substantive review (1 h 30 min): the bottleneck, said in words and marked in the table.
  const time = panel(page, "Time per step");
  await expect(time.getByText(/^The bottleneck is Substantive review: 1 h 30 min on average/)).toBeVisible();
  await time.getByText("Show the numbers").click();
  await expect(time.getByRole("row", { name: /^Substantive review Bottleneck/ })).toBeVisible();

  // The CSV of the same filters: a download, UTF-8 with a BOM, the header row, one line per case.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download cases (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^expedite-cases-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await file.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(CSV_HEADER);
  expect(lines).toHaveLength(3);
  for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^EX-[0-9A-Z-]+,${SERVICE},Express,`));
});

test("a reviewer gets the forbidden page, and no CSV", async ({ page, login }) => {
  const reviewer = await createUser("REVIEWER");
  await login(reviewer);
  await page.goto("/console/dashboard");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const response = await page.request.get("/console/dashboard/export");
  expect(response.status()).toBe(403);
});
