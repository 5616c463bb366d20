import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` (scripts/test.ts), which prepares a fresh database, the production build
// and the environment below before calling Playwright.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Root needs --no-sandbox; the rest keep Chromium from calling out on a closed network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      // e2e/cluster/ runs against its own topology (its own config, started by scripts/test.ts).
      testIgnore: [/mobile\.spec\.ts/, /cluster\//],
    },
    { name: "mobile", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    command: "npx tsx scripts/server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Warnings and errors only: one access line per request would bury the test report.
    // Every email at once (no quiet window, decision 027): the specs read them seconds after the step.
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NOTIFICATION_QUIET_SECONDS: "0",
      // The specs' webhook receiver listens on loopback, which production refuses otherwise (SSRF rules).
      WEBHOOK_TRUSTED_HOSTS: "127.0.0.1",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
