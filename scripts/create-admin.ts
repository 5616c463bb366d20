import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { allowServerOnlyModules } from "./lib/server-only-stub";

// `npm run admin:create -- --email ops@agency.example --name "Ops Lead" [--locale zh]`: the first
// administrator of a production database (which is never seeded, decision 017). The password is read
// from standard input (typed, or piped by a provisioning tool), never from the command line, where it
// would land in the shell history and the process list.
const USAGE = 'Usage: npm run admin:create -- --email <address> --name "<display name>" [--locale zh|en]';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let piped = "";
    for await (const chunk of process.stdin) piped += chunk;
    return piped.split(/\r?\n/)[0] ?? "";
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  const output = prompt as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write("Password (12+ characters, not echoed): ");
  output._writeToOutput = () => {};
  const password = await prompt.question("");
  prompt.close();
  process.stdout.write("\n");
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      locale: { type: "string", default: "zh" },
    },
  });
  if (!values.email || !values.name) {
    console.error(USAGE);
    process.exit(2);
  }
  allowServerOnlyModules();
  const { createAdministratorFromInput } = await import("./lib/create-admin");
  const result = await createAdministratorFromInput({
    email: values.email,
    displayName: values.name,
    locale: values.locale,
    password: await readPassword(),
  });
  const { db } = await import("../lib/db");
  await db.$disconnect();
  if (!result.ok) {
    console.error(`[admin:create] Not created:\n${result.problems.map((line) => `  - ${line}`).join("\n")}`);
    process.exit(1);
  }
  console.log(
    `[admin:create] Administrator ${values.email} created; sign in at ${process.env.APP_URL ?? "the app"}.`,
  );
}

main().catch((error: unknown) => {
  console.error(`[admin:create] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
