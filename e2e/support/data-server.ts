// The e2e fixtures' door to lib/: one request per stdin line ({ id, name, args }), one answer per
// stdout line after a marker (lib code may log on stdout too). Started once per Playwright worker by
// e2e/support/data.ts with `--conditions=react-server`, because lib/db is server-only.
import { createInterface } from "node:readline";
import { db } from "@/lib/db";
import { handlers } from "./data-handlers";

const ANSWER_MARKER = "@@e2e-data ";

type Request = { id: number; name: keyof typeof handlers; args: unknown[] };

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const { id, name, args } = JSON.parse(line) as Request;
  try {
    const handler = handlers[name] as (...args: unknown[]) => Promise<unknown>;
    const result = await handler(...args);
    process.stdout.write(`${ANSWER_MARKER}${JSON.stringify({ id, result: result ?? null })}\n`);
  } catch (error) {
    const message =
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
    process.stdout.write(`${ANSWER_MARKER}${JSON.stringify({ id, error: message })}\n`);
  }
});
// The worker went away (its end of the pipe closed): nothing more to arrange.
lines.on("close", () => {
  void db.$disconnect().finally(() => process.exit(0));
});
