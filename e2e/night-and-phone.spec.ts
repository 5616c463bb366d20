import type { Page } from "@playwright/test";
import { createUser, expect, expectNoSidewaysScroll, test } from "./fixtures";

// The supervisor on call at night: the console from a 360 px phone, the dark theme, and Expedite
// installed on the home screen. (Every page here is also checked by axe in both themes: fixtures.ts.)

// Where each link arrives. The administration link goes to /console/admin, which redirects to its
// first page: the URL is /console/admin only for the moment before the redirect lands.
const AREAS = {
  en: {
    menu: "Console sections",
    links: [
      ["Review queue", "/console"],
      ["Operations dashboard", "/console/dashboard"],
      ["Rota", "/console/rota"],
      ["Handover", "/console/handover"],
      ["Outbox & mailbox", "/console/mailbox"],
      ["Administration", "/console/admin/staff"],
    ],
  },
  zh: {
    menu: "工作台栏目",
    links: [
      ["审核队列", "/console"],
      ["运营看板", "/console/dashboard"],
      ["排班", "/console/rota"],
      ["交接班", "/console/handover"],
      ["通知发件箱", "/console/mailbox"],
      ["系统管理", "/console/admin/staff"],
    ],
  },
} as const;

async function reachEveryArea(page: Page, { menu, links }: (typeof AREAS)["en" | "zh"]) {
  const nav = page.getByRole("navigation", { name: menu });
  const button = nav.getByRole("button", { name: new RegExp(`^${menu} `) });
  await page.goto("/console");
  for (const [label, path] of links) {
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link")).toHaveCount(0);
    // Keyboard first: the button opens the list.
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link")).toHaveCount(links.length);
    // One line per label: a label broken one character per line is several lines tall.
    for (const [other] of links) {
      const box = await nav.getByRole("link", { name: other, exact: true }).boundingBox();
      expect(box?.height, `"${other}" on one line`).toBeLessThan(48);
      expect(box?.width, `"${other}" fits the screen`).toBeLessThanOrEqual(360);
    }
    await expectNoSidewaysScroll(page);
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(path);
    // Arriving closes the menu; the button names where the supervisor now is.
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toHaveAccessibleName(`${menu} ${label}`);
    await expectNoSidewaysScroll(page);
  }
  // Escape closes the list and gives the focus back to the button. The last page may still be
  // streaming in, and its arrival counts as a page change that closes the list: open it once more then.
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await nav.getByRole("link").first().focus({ timeout: 2_000 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
}

test.describe("the console on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  // Six areas, each a page load (and, the first time, an axe check in two themes).
  test.slow();

  test("reaches every console area from the menu, in English", async ({ page, login }) => {
    await login(await createUser("ADMIN"));
    await reachEveryArea(page, AREAS.en);
  });

  test.describe("in Chinese", () => {
    test.use({ locale: "zh-CN" });

    test("reaches every console area from the menu", async ({ page, login }) => {
      await login(await createUser("ADMIN"));
      await reachEveryArea(page, AREAS.zh);
    });
  });
});

test.describe("at night", () => {
  test.use({ colorScheme: "dark" });

  test("pages follow the dark colour scheme, and the browser bar with them", async ({ page }) => {
    await page.goto("/");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const card = page.getByRole("link", { name: "Track an application" });
    await expect(card).toBeVisible();
    // Canvas and text trade places: a dark page with light text.
    const lightness = (color: string) => page.evaluate(lightnessOf, color);
    expect(await lightness(background)).toBeLessThan(0.2);
    expect(await lightness(await page.evaluate(() => getComputedStyle(document.body).color))).toBeGreaterThan(
      0.8,
    );
    await expect(
      page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]'),
    ).toHaveAttribute("content", "#0f172b");
    await page.emulateMedia({ colorScheme: "light" });
    expect(
      await lightness(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)),
    ).toBeGreaterThan(0.9);
  });
});

/** Relative lightness (0 black … 1 white) of any CSS colour, as the browser paints it. */
function lightnessOf(color: string) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d")!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test("Expedite can be installed: a valid manifest with its icons, and robots.txt", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').first().getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "加急通 Expedite",
    short_name: expect.any(String),
    start_url: "/",
    display: "standalone",
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
  });
  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? "any"}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of icons) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()["content-type"]).toBe(icon.type);
    // A PNG's header gives its width and height (big-endian, bytes 16–23).
    const bytes = await file.body();
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }

  const robots = await request.get("/robots.txt");
  expect(robots.ok()).toBe(true);
  const rules = (await robots.text()).split("\n").map((line) => line.trim());
  expect(rules).toEqual(expect.arrayContaining(["User-agent: *", "Allow: /"]));
  for (const path of ["/console", "/portal", "/api"]) expect(rules).toContain(`Disallow: ${path}`);
});

test("the active step filter's count is readable in both themes", async ({ page, login }) => {
  await login(await createUser("ADMIN"));
  await page.goto("/console");
  const active = page
    .getByRole("navigation", { name: "Open cases by step" })
    .getByRole("link", { name: /^All steps/ });
  await expect(active).toHaveAttribute("aria-current", "page");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    // The count badge (hidden from screen readers, who hear the count in words) against the chip
    // behind it: WCAG's 4.5:1 for small text.
    const ratio = await active.locator("span[aria-hidden]").evaluate(contrastAgainstParent);
    expect(ratio, `${colorScheme}: count badge contrast`).toBeGreaterThanOrEqual(4.5);
  }
});

/** WCAG contrast of an element's text with its background laid over its parent's, as painted. */
function contrastAgainstParent(element: Element) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d")!;
  const paint = (...colors: string[]) => {
    context.clearRect(0, 0, 1, 1);
    for (const color of colors) {
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
    }
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const parent = getComputedStyle(element.parentElement!).backgroundColor;
  const own = getComputedStyle(element);
  const background = paint(parent, own.backgroundColor);
  const text = paint(parent, own.backgroundColor, own.color);
  return (Math.max(background, text) + 0.05) / (Math.min(background, text) + 0.05);
}
