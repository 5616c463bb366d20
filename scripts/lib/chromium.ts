import { ensureDebianPackage } from "./debian-package";

/** Playwright cannot download its own browser here, so the e2e tests use Debian's chromium. */
export function ensureChromium(log: (line: string) => void): string {
  return ensureDebianPackage(
    process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    ["chromium"],
    "the browser tests",
    log,
  );
}
