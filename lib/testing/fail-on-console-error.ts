// House rule: console.error during a test fails it (an unexpected error that was only logged is
// still a bug). A test that expects one silences it: vi.spyOn(console, "error").mockImplementation(() => {}).
import { afterEach, beforeEach } from "vitest";

const original = console.error;
let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  console.error = (...args: unknown[]) => {
    calls.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  if (calls.length === 0) return;
  const shown = calls.map((args) =>
    args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" "),
  );
  throw new Error(`console.error was called during this test:\n${shown.join("\n")}`);
});
