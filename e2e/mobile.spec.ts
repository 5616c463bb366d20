import { expect, test } from "./fixtures";

test("the home page and catalog fit a phone screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Track an application" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Urgent software bug fix" })).toBeVisible();
});
