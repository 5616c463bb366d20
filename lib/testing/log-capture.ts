import { createLogger, replaceLogger, type Logger } from "@/lib/observability/logger";

// Every test runs with the process logger writing into memory (fail-on-console-error.ts installs
// it): nothing reaches the test output, and a line at level error fails the test unless the test
// said it expects one, as with console.error.

export type LogLine = Record<string, unknown> & { level: number; msg?: string };

type Capture = { raw: string[]; errorsExpected: boolean };
let current: Capture | undefined;

export const ERROR_LEVEL = 50;

export function startLogCapture(): Logger {
  current = { raw: [], errorsExpected: false };
  const capture = current;
  const logger = createLogger({
    processType: "web",
    level: "trace",
    write: (line) => capture.raw.push(line),
  });
  replaceLogger(logger);
  return logger;
}

/** The unexpected error lines of the test so far; the capture ends. */
export function stopLogCapture(): string[] {
  replaceLogger(undefined);
  const capture = current;
  current = undefined;
  if (!capture || capture.errorsExpected) return [];
  return capture.raw.filter((line) => (JSON.parse(line) as LogLine).level >= ERROR_LEVEL);
}

/** The lines this test's code logged, parsed. */
export function loggedLines(): LogLine[] {
  return (current?.raw ?? []).map((line) => JSON.parse(line) as LogLine);
}

/** The lines as written (after redaction), for tests that grep the raw text. */
export function loggedText(): string {
  return (current?.raw ?? []).join("");
}

/** This test logs errors on purpose: they do not fail it. */
export function expectLoggedErrors(): void {
  if (current) current.errorsExpected = true;
}
