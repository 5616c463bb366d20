import { createUser, expect, test } from "./fixtures";

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
  // Yuan read "¥" in English too, not "CN¥".
  await expect(page.getByText("¥420.00").first()).toBeVisible();
  await expect(page.getByText("CN¥")).toHaveCount(0);
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

  test("refuses an emoji in the name on the identity document, saying why in Chinese", async ({
    page,
    login,
  }) => {
    await login(await createUser("APPLICANT"));
    await page.goto("/portal/apply/passport-renewal");
    const name = page.getByLabel("姓名", { exact: true });
    await name.fill("小明😀");
    await name.blur();
    await expect(name).toHaveAccessibleDescription(/请按身份证件填写姓名：只能包含文字/);
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await name.fill("欧阳·娜娜");
    await name.blur();
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
  });
});
