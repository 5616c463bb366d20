import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Servers and browsers the tests drive that npm cannot provide (Chromium, nginx, PostgreSQL's
 * client tools) come from Debian. When `binary` is missing and we are root on Debian/Ubuntu we install
 * `packages` (as CI's clean machine needs); elsewhere we say what to install.
 */
export function ensureDebianPackage(
  binary: string,
  packages: string[],
  purpose: string,
  log: (line: string) => void,
  installed: () => boolean = () => existsSync(binary),
): string {
  if (installed()) return binary;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `${binary} not found, needed for ${purpose}. Install it (Debian/Ubuntu: sudo apt-get install -y ${packages.join(" ")}).`,
    );
  }
  log(`Installing Debian's ${packages.join(", ")} for ${purpose} (one time)…`);
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", ...packages],
  ]) {
    const result = spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
  if (!installed()) throw new Error(`${packages.join(" ")} installed, but ${binary} is still missing`);
  return binary;
}
