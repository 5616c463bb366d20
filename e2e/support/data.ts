import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import type { DataHandlers } from "./data-handlers";

// Calls e2e/support/data-handlers.ts in a helper process (see data-server.ts), typed as if local.
const ANSWER_MARKER = "@@e2e-data ";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

let server: { child: ChildProcessWithoutNullStreams; pending: Map<number, Pending> } | undefined;
let nextId = 1;

function start() {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through `npm test`.");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "e2e/support/data-server.ts"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["pipe", "pipe", "pipe"] },
  );
  const pending = new Map<number, Pending>();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (!line.startsWith(ANSWER_MARKER)) return;
    const answer = JSON.parse(line.slice(ANSWER_MARKER.length)) as {
      id: number;
      result?: unknown;
      error?: string;
    };
    const call = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.error !== undefined) call?.reject(new Error(`e2e data: ${answer.error}`));
    else call?.resolve(answer.result);
  });
  child.on("exit", (code) => {
    for (const call of pending.values())
      call.reject(new Error(`e2e data server exited (${code}):\n${stderr}`));
    pending.clear();
    server = undefined;
  });
  // Neither the process nor its pipes may keep the Playwright worker alive.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr])
    (stream as unknown as { unref?: () => void }).unref?.();
  return { child, pending };
}

/** Runs one of e2e/support/data-handlers.ts's functions with these arguments (JSON: no Dates). */
export function callData<Name extends keyof DataHandlers>(
  name: Name,
  ...args: Parameters<DataHandlers[Name]>
): Promise<Awaited<ReturnType<DataHandlers[Name]>>> {
  server ??= start();
  const { child, pending } = server;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    child.stdin.write(`${JSON.stringify({ id, name, args })}\n`);
  });
}
