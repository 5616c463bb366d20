import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { highWaterMark, processTree, statusField } from "./memory";

describe("statusField", () => {
  const status = "Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";

  it("reads kB fields as bytes", () => {
    expect(statusField(status, "VmRSS")).toBe(100 * 1024 * 1024);
    expect(statusField(status, "VmHWM")).toBe(200 * 1024 * 1024);
  });

  it("is 0 for a process that is gone", () => {
    expect(statusField("", "VmRSS")).toBe(0);
  });
});

describe("processTree", () => {
  it("starts with the process itself", () => {
    expect(processTree(process.pid)[0]).toBe(process.pid);
  });
});

describe("highWaterMark", () => {
  it("reads this process's own high-water mark", () => {
    // VmHWM only grows (VmRSS may briefly exceed it: the kernel updates it lazily), so read it first.
    const before = statusField(readFileSync("/proc/self/status", "utf8"), "VmHWM");
    expect(before).toBeGreaterThan(0);
    expect(highWaterMark(process.pid)).toBeGreaterThanOrEqual(before);
  });
});
