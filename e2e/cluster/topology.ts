import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startS3Server, type S3Server } from "../../lib/testing/s3-server";
import { startSmtpSink, type SmtpSink } from "../../lib/testing/smtp-sink";
import { startNginx } from "../../scripts/lib/nginx";

// The production topology on one machine (issue 14): nginx (Debian's, running deploy/nginx/expedite.conf)
// in front of two instances of one build (`npm run serve`), one worker (`npm run worker`), one
// PostgreSQL database, one evidence store and a real SMTP server. Started by scripts/test.ts around
// the Playwright run in e2e/cluster/; the tests find it through the state file.

export type ClusterProcess = { name: string; pid: number; port?: number };
export type ClusterState = {
  baseUrl: string;
  instances: ClusterProcess[];
  worker: ClusterProcess;
  /** One JSON line per email the SMTP server accepted ({ messageId, to, subject, text }). */
  mailFile: string;
  /** One JSON line per app or worker process that ended ({ name, code, signal }). */
  exitsFile: string;
  /** nginx's access log in deploy/nginx/expedite.conf's `expedite` format. */
  accessLog: string;
  logDir: string;
  admin: { email: string; password: string };
};

export type Topology = {
  state: ClusterState;
  stateFile: string;
  /** The secrets the processes share, for the tests' own data helpers (sessions, ID hashes). */
  env: { NEXTAUTH_SECRET: string; ID_HASH_KEY: string };
  /** The tail of every process's output, for a failed run. */
  printLogs: () => void;
  stop: () => Promise<void>;
};

const ROOT = process.cwd();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  name: string,
  logFile: string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
  throw new Error(`${name} did not come up at ${url} (exit ${child.exitCode}):\n${tail}`);
}

export async function startTopology(options: {
  databaseUrl: string;
  nginx: string;
  log: (line: string) => void;
}): Promise<Topology> {
  const dir = mkdtempSync(path.join(tmpdir(), "expedite-cluster-"));
  const logDir = path.join(dir, "logs");
  for (const sub of ["logs", "bucket"]) mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o755 });

  const children: { name: string; child: ChildProcess }[] = [];
  // A test run that dies must not leave instances, a worker and nginx behind.
  process.once("exit", () => children.forEach(({ child }) => child.kill("SIGKILL")));
  let smtp: SmtpSink | undefined;
  let s3: S3Server | undefined;
  const stop = async () => {
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
          }),
      ),
    );
    await smtp?.close();
    await s3?.stop();
  };

  try {
    const exitsFile = path.join(dir, "exits.jsonl");
    writeFileSync(exitsFile, "");
    const mailFile = path.join(dir, "mail.jsonl");
    writeFileSync(mailFile, "");
    smtp = await startSmtpSink({
      onMessage: (mail) =>
        appendFileSync(
          mailFile,
          `${JSON.stringify({ messageId: mail.messageId, to: mail.to, subject: mail.subject, text: mail.text })}\n`,
        ),
    });

    // Evidence in one bucket for every instance (s3rver standing in for S3, MinIO, OSS or COS).
    s3 = await startS3Server({ directory: path.join(dir, "bucket") });
    const [nginxPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${nginxPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      ID_HASH_KEY: randomBytes(32).toString("hex"),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_URL: baseUrl,
      ...s3.env,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Expedite <no-reply@expedite.test>",
      TRUSTED_PROXIES: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // The journey waits for the outbox to drain; bursts are collapsed in lib/notifications/burst.test.ts.
      NOTIFICATION_QUIET_SECONDS: "0",
    };
    delete env.NEXTAUTH_URL;

    const launch = (name: string, script: string, extra: Record<string, string> = {}) => {
      const logFile = path.join(logDir, `${name}.log`);
      const out = createWriteStream(logFile);
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        cwd: ROOT,
        env: { ...env, ...extra },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.pipe(out);
      child.stderr!.pipe(out);
      child.once("exit", (code, signal) =>
        appendFileSync(exitsFile, `${JSON.stringify({ name, code, signal })}\n`),
      );
      children.push({ name, child });
      return { child, logFile };
    };

    // The first administrator, as an operator makes one (production never seeds accounts).
    const admin = {
      email: `ops-${randomBytes(3).toString("hex")}@agency.example`,
      password: "harbour violet 2026 lantern",
    };
    const created = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/create-admin.ts",
        "--email",
        admin.email,
        "--name",
        "Ops Lead",
        "--locale",
        "en",
      ],
      {
        cwd: ROOT,
        env,
        input: `${admin.password}\n`,
        encoding: "utf8",
      },
    );
    if (created.status !== 0)
      throw new Error(`npm run admin:create failed:\n${created.stdout}${created.stderr}`);

    const instances: ClusterProcess[] = [];
    for (const [index, port] of [portA, portB].entries()) {
      const name = `app-${index + 1}`;
      const { child, logFile } = launch(name, "scripts/serve.ts", { PORT: String(port) });
      await waitForHttp(`http://127.0.0.1:${port}/api/health`, child, name, logFile);
      instances.push({ name, pid: child.pid!, port });
    }
    const workerProcess = launch("worker", "scripts/worker.ts");
    const worker = { name: "worker", pid: workerProcess.child.pid! };

    const nginx = startNginx({
      binary: options.nginx,
      prefix: dir,
      listen: nginxPort,
      upstreams: [portA, portB],
    });
    children.push({ name: "nginx", child: nginx.child });
    await waitForHttp(`${baseUrl}/api/health`, nginx.child, "nginx", nginx.errorLog);

    const state: ClusterState = {
      baseUrl,
      instances,
      worker,
      mailFile,
      exitsFile,
      accessLog: path.join(dir, "logs/access.log"),
      logDir,
      admin,
    };
    const stateFile = path.join(dir, "state.json");
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
    options.log(`cluster: nginx ${baseUrl} → app ${portA}, ${portB}; worker; logs in ${logDir}`);
    return {
      state,
      stateFile,
      env: { NEXTAUTH_SECRET: env.NEXTAUTH_SECRET!, ID_HASH_KEY: env.ID_HASH_KEY! },
      printLogs: () => {
        console.log(`\n----- process exits -----\n${readFileSync(exitsFile, "utf8")}`);
        for (const file of readdirSync(logDir).sort()) {
          const tail = readFileSync(path.join(logDir, file), "utf8").split("\n").slice(-60).join("\n");
          console.log(`\n----- ${file} (last lines) -----\n${tail}`);
        }
      },
      stop: async () => {
        await stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
