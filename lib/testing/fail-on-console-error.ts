// House rule: console.error during a test fails it (an unexpected error that was only logged is
// still a bug). A test that expects one silences it: vi.spyOn(console, "error").mockImplementation(() => {}).
// The same goes for the logger's error lines (lib/testing/log-capture.ts: expectLoggedErrors()).
import { afterEach, beforeEach } from "vitest";
import { startLogCapture, stopLogCapture } from "./log-capture";

const original = console.error;
let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  startLogCapture();
  console.error = (...args: unknown[]) => {
    calls.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  const loggedErrors = stopLogCapture();
  if (loggedErrors.length > 0)
    throw new Error(`the logger wrote an error line during this test:\n${loggedErrors.join("")}`);
  if (calls.length === 0) return;
  const shown = calls.map((args) =>
    args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" "),
  );
  throw new Error(`console.error was called during this test:\n${shown.join("\n")}`);
});
