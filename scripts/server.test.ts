import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

// The environment is checked before Next loads, so this needs no build and no database.
it("refuses to boot when TRUSTED_PROXIES holds something that is not an address or range", async () => {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/server.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: "9",
      DATABASE_URL: "postgresql://expedite:secret@127.0.0.1:9/expedite",
      NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
      ID_HASH_KEY: "test-id-hash-key-test-id-hash-key-000000",
      TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/33, proxy.internal",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  // The refusal is the server's fatal log line (JSON): read the text inside it.
  output = output.replace(/\\"/g, '"').replace(/\\n/g, "\n");
  expect(output).toContain('TRUSTED_PROXIES: "10.0.0.0/33" has an invalid prefix length (0 to 32 for IPv4)');
  expect(output).toContain('TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range');
  expect(output).not.toContain("listening");
}, 30_000);
