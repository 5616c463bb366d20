import { expect, test } from "./fixtures";

test("the language follows the browser, switches, and is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "When it cannot wait, see exactly where it stands.",
  );
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("等不起的事，进度一目了然。");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");

  await page.goto("/services");
  await expect(page.getByRole("heading", { name: "服务目录", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "护照加急换发" })).toBeVisible();
  // Money is formatted for the locale.
  await expect(page.getByText("¥420.00").first()).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Passport urgent renewal" })).toBeVisible();
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("gets Chinese by default, including validation errors", async ({ page }) => {
    await page.goto("/register");
    await expect(page.getByRole("heading", { name: "创建账号", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByText("此项为必填项。").first()).toBeVisible();
    await expect(page.getByText("请修改标出的内容。")).toBeVisible();
  });
});
