import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startNginx } from "../../scripts/lib/nginx";

export type ServerProcess = { pid: number; url: string; stop: () => Promise<void>; output: () => string };

/** A port nobody listens on now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * Runs a TypeScript server file in its own Node process (tsx as a loader, not the tsx CLI, so the
 * pid we sample for memory is the server itself) and waits until `readyPath` answers.
 */
export async function startTsServer(options: {
  script: string;
  port: number;
  env: NodeJS.ProcessEnv;
  readyPath: string;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(options.script)], {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The last lines only: enough to explain a failure, bounded however long the run.
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const output = () => lines.join("\n");
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(`${url}${options.readyPath}`, child, output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, url, stop, output };
}

/** The production app behind scripts/server.ts (decision 002), without the notification worker. */
export function startApp(options: {
  port: number;
  databaseUrl: string;
  secrets: { NEXTAUTH_SECRET: string; ID_HASH_KEY: string };
  uploadDir: string;
  /** The public address, when the app is behind nginx (`--instances 2`); its own otherwise. */
  origin?: string;
}) {
  const origin = options.origin ?? `http://127.0.0.1:${options.port}`;
  return startTsServer({
    script: "scripts/server.ts",
    port: options.port,
    readyPath: "/api/health",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      ...options.secrets,
      NEXTAUTH_URL: origin,
      APP_URL: origin,
      UPLOAD_DIR: options.uploadDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // scripts/server.ts starts no worker; this keeps it off should that ever change.
      NOTIFICATION_WORKER: "0",
      // Behind nginx on this host: throttles keyed by address see the client, as in production.
      TRUSTED_PROXIES: "127.0.0.1",
    },
  });
}

/** bench/baseline-server.ts: node:http + pg answering POST /api/track only. */
export function startBaseline(options: { port: number; databaseUrl: string; idHashKey: string }) {
  return startTsServer({
    script: "bench/baseline-server.ts",
    port: options.port,
    readyPath: "/health",
    env: { NODE_ENV: "production", DATABASE_URL: options.databaseUrl, ID_HASH_KEY: options.idHashKey },
  });
}

/**
 * `--instances 2`: two app instances of the one build behind Debian's nginx running
 * deploy/nginx/expedite.conf (scripts/lib/nginx.ts), as in production. The answer's url is nginx's;
 * its pid is the first instance's (the one whose memory is sampled).
 */
export async function startAppsBehindNginx(options: {
  nginx: string;
  databaseUrl: string;
  secrets: { NEXTAUTH_SECRET: string; ID_HASH_KEY: string };
  uploadDir: string;
}): Promise<ServerProcess> {
  const [listen, first, second] = [await freePort(), await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${listen}`;
  const apps: ServerProcess[] = [];
  const prefix = mkdtempSync(path.join(tmpdir(), "expedite-bench-nginx-"));
  let proxy: ReturnType<typeof startNginx> | undefined;
  const stop = async () => {
    if (proxy && proxy.child.exitCode === null) {
      const exited = new Promise((resolve) => proxy!.child.once("exit", resolve));
      proxy.child.kill("SIGQUIT");
      await exited;
    }
    for (const app of apps) await app.stop();
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    for (const port of [first, second]) apps.push(await startApp({ ...options, port, origin }));
    proxy = startNginx({ binary: options.nginx, prefix, listen, upstreams: [first, second] });
    const output = () =>
      apps.map((app, index) => `--- instance ${index + 1}\n${app.output()}`).join("\n") +
      `\n--- nginx\n${readFileSync(proxy!.errorLog, "utf8")}`;
    await waitUntilReady(`${origin}/api/health`, proxy.child, output, 30_000);
    return { pid: apps[0]!.pid, url: origin, stop, output };
  } catch (error) {
    await stop();
    throw error;
  }
}
