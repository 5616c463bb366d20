import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer, type Socket } from "node:net";

// A server of its own from the e2e build (scripts/server.ts, as the e2e webServer runs it), for tests
// that signal it or give it settings of their own. node with tsx as a loader (not npx): one process,
// so a signal reaches the server itself.

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type AppProcess = {
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: url, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  for (let waited = 0; ; waited += 250) {
    const status = await fetch(`${url}/api/health/live`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (waited > 60_000 || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, url, child, output: () => output, exited };
}

/** A raw connection to the app, kept open between requests as a proxy's upstream pool keeps it. */
export type RawConnection = { socket: Socket; received: () => string; closed: Promise<void> };

export async function openConnection(port: number, localAddress?: string): Promise<RawConnection> {
  const socket = connect({ port, host: "127.0.0.1", localAddress });
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  return { socket, received: () => text, closed };
}

/** "refused" once the app no longer accepts connections. */
export function tryConnect(port: number): Promise<"accepted" | "refused"> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", () => resolve("refused"));
  });
}
