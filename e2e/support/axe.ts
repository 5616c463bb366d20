import AxeBuilder from "@axe-core/playwright";
import { test, type Page } from "@playwright/test";

// Accessibility in every e2e test (decision 029): each page a test visits is checked by axe once
// per run, in the light and the dark colour scheme, and serious or critical violations fail the test
// that visited it. Rules and elements left out are listed below, each with its reason.

/** Impacts that fail a test; "minor" and "moderate" findings are left to review. */
const FAILING = new Set(["serious", "critical"]);

/** Elements axe must not judge: CSS selector → why (none so far; a new entry needs its reason). */
const EXCLUDED: Record<string, string> = {};

/** Pages already checked in this run (Playwright runs one worker: the set spans the whole suite). */
const scanned = new Set<string>();

/**
 * One check per kind of page: the path with every segment that holds a digit (case numbers, ids,
 * tokens) replaced, and whether the layout is a phone's (under Tailwind's `sm`, 640 px).
 */
export function routePattern(url: string, viewportWidth: number): string {
  const { pathname } = new URL(url);
  const path = pathname
    .split("/")
    .map((segment) => (/\d/.test(segment) ? ":id" : segment))
    .join("/");
  return `${viewportWidth < 640 ? "phone" : "wide"} ${path}`;
}

/** Checks the page unless a page of its kind was checked already; returns the failing findings. */
export async function scanPage(page: Page): Promise<string[]> {
  // The page may move on by itself while axe runs: a redirect after loading, or the refresh Next
  // writes into a streamed page that redirects (it fires when hydration is slow, on a cold server),
  // which loses the injected axe ("reading 'run'"). Check where it arrives instead, a few times over.
  for (let attempt = 1; ; attempt++) {
    try {
      return await scanOnce(page);
    } catch (error) {
      if (attempt === 5 || !/Execution context was destroyed|navigat|reading 'run'/i.test(String(error)))
        throw error;
      await page.waitForLoadState();
    }
  }
}

async function scanOnce(page: Page): Promise<string[]> {
  if (page.isClosed()) return [];
  const url = page.url();
  if (!url.startsWith("http")) return [];
  const key = routePattern(url, page.viewportSize()?.width ?? 1280);
  if (scanned.has(key)) return [];
  // JSON answers, downloads and PDFs are not pages.
  if ((await page.evaluate(() => document.contentType)) !== "text/html") return [];
  // Two axe runs: give the test the time they take rather than let them eat into its own.
  test.info().setTimeout(test.info().timeout + 15_000);
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  const findings: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    // Reduced motion: app/globals.css then drops transitions, so no colour is read halfway through one.
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    let builder = new AxeBuilder({ page }).setLegacyMode(true);
    for (const selector of Object.keys(EXCLUDED)) builder = builder.exclude(selector);
    const { violations } = await builder.analyze();
    for (const violation of violations.filter((found) => FAILING.has(found.impact ?? ""))) {
      const where = violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `${node.target.join(" ")}${node.failureSummary ? ` — ${node.failureSummary.split("\n").slice(1).join(" ").trim()}` : ""}`,
        )
        .join("; ");
      findings.push(
        `${key} (${colorScheme}): ${violation.id} [${violation.impact}] ${violation.help}: ${where}`,
      );
    }
  }
  await page.emulateMedia({ colorScheme: dark ? "dark" : "light", reducedMotion: null });
  scanned.add(key);
  return findings;
}

/** Checks every page `page.goto` opens, collecting findings into `findings`. */
export function scanAfterEachGoto(page: Page, findings: string[]) {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    // "commit" means the test wants the page before it has loaded: nothing to check yet.
    if (options?.waitUntil !== "commit") findings.push(...(await scanPage(page)));
    return response;
  };
}
