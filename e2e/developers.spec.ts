import { expect, expectNoSidewaysScroll, test } from "./fixtures";

// The developer page (issue 17): a partner follows it on any screen, copies its code, and finds
// every operation of the OpenAPI document in the reference.
test.use({ viewport: { width: 360, height: 740 } });

test("the quick start fits a phone and its code copies exactly", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/developers");
  await expect(page.getByRole("heading", { name: "Developers", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "2. Submit an application", level: 2 })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // Long lines scroll inside their block, which keeps every character reachable.
  const code = page.getByRole("region", { name: "Code: submit.ts" });
  await code.scrollIntoViewIfNeeded();
  expect(await code.evaluate((element) => ((element.scrollLeft = 80), element.scrollLeft))).toBe(80);
  await page.getByRole("button", { name: "Copy submit.ts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('"Idempotency-Key": idempotencyKey');
  expect(copied.trim()).toBe((await code.textContent())?.trim());

  // Problems link to their row: /developers#problem-<code>.
  await page.goto("/developers#problem-version_conflict");
  await expect(page.getByRole("row", { name: /version_conflict 409/ })).toBeInViewport();
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("reads the quick start in Chinese, on a phone", async ({ page }) => {
    await page.goto("/developers");
    await expect(page.getByRole("heading", { name: "开发者", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "五、接收回调通知", level: 2 })).toBeVisible();
    await expect(page.getByRole("button", { name: "复制 verify-webhook.ts" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByRole("link", { name: "API 参考" }).first().click();
    await expect(page.getByRole("heading", { name: "API 参考", level: 1 })).toBeVisible();
  });
});

test("the reference shows every operation of the served OpenAPI document", async ({ page, request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(operations.length).toBeGreaterThan(0);

  await page.goto("/developers/reference");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const index = page.getByRole("navigation", { name: "Operations" });
  for (const operation of operations)
    await expect(index.getByRole("link", { name: operation, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Problem", level: 3, exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
