import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulShutdown, shutdownGraceSchema, type GracefulShutdown } from "./graceful-shutdown";

// A real node:http server with the drain wired as scripts/server.ts wires it; raw sockets play
// a keep-alive client such as nginx's upstream pool.
let servers: Server[] = [];
afterEach(() => {
  for (const server of servers) server.closeAllConnections();
  servers = [];
});

async function serve(graceMs: number) {
  let releaseSlow!: () => void;
  const released = new Promise<void>((resolve) => (releaseSlow = resolve));
  let slowArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (slowArrived = resolve));
  const server = createServer((request, response) => {
    shutdown.track(request, response);
    if (request.url === "/slow") {
      slowArrived();
      void released.then(() => response.end("slow done"));
    } else if (request.url === "/stream") {
      // Headers and a first chunk go out at once: too late to add Connection: close to this one.
      response.write("first ");
      slowArrived();
      void released.then(() => response.end("last"));
    } else response.end("fast");
  });
  const shutdown: GracefulShutdown = gracefulShutdown(server, { graceMs });
  // Longer than any test: an idle connection is closed by the drain, never by Node's own timeout.
  server.keepAliveTimeout = 60_000;
  const accepted: Socket[] = [];
  server.on("connection", (socket: Socket) => accepted.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  /** Resolves once the server has read bytes on every connection (so has parsed them). */
  const serverHasRead = () =>
    until(() => accepted.length > 0 && accepted.every((socket) => socket.bytesRead > 0));
  return { shutdown, port, releaseSlow, arrived, serverHasRead };
}

type Connection = { socket: Socket; received: () => string; closed: Promise<void> };

async function open(port: number): Promise<Connection> {
  const socket = connect(port, "127.0.0.1");
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  return { socket, received: () => text, closed };
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: app\r\n\r\n`;

describe("gracefulShutdown", () => {
  it("finishes the request in flight, refuses new connections and closes keep-alive ones", async () => {
    const { shutdown, port, releaseSlow, arrived } = await serve(15_000);
    const idle = await open(port);
    idle.socket.write(GET("/fast"));
    await until(() => idle.received().endsWith("fast"));
    expect(idle.received()).toMatch(/\r\nConnection: keep-alive\r\n/i);
    const busy = await open(port);
    busy.socket.write(GET("/slow"));
    await arrived;

    const drained = shutdown.drain();
    expect(shutdown.isDraining()).toBe(true);
    // The idle pooled connection is closed by the server (nginx would otherwise reuse it forever).
    await idle.closed;
    await expect(open(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    releaseSlow();
    await busy.closed;
    expect(busy.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(busy.received()).toMatch(/\r\nConnection: close\r\n/i);
    expect(busy.received()).toMatch(/slow done$/);
    expect(await drained).toBe("drained");
    expect(shutdown.drain()).toBe(drained);
  });

  it("answers a request that arrives on an open connection while draining, with Connection: close", async () => {
    const { shutdown, port, serverHasRead } = await serve(15_000);
    // Headers half sent: the connection is busy, not idle, when the drain begins.
    const late = await open(port);
    late.socket.write("GET /fast HTTP/1.1\r\nHost: app\r\n");
    await serverHasRead();
    const drained = shutdown.drain();
    late.socket.write("\r\n");
    await late.closed;
    expect(late.received()).toMatch(/^HTTP\/1\.1 200 [\s\S]*\r\nConnection: close\r\n[\s\S]*fast$/i);
    expect(await drained).toBe("drained");
  });

  it("closes a keep-alive connection whose response had already started once it ends", async () => {
    const { shutdown, port, releaseSlow, arrived } = await serve(15_000);
    const streaming = await open(port);
    streaming.socket.write(GET("/stream"));
    await arrived;
    await until(() => streaming.received().includes("first"));
    const drained = shutdown.drain();
    releaseSlow();
    await streaming.closed;
    expect(streaming.received()).toMatch(/\r\nConnection: keep-alive\r\n[\s\S]*first [\s\S]*last/i);
    expect(await drained).toBe("drained");
  });

  it("cuts the connections still open when the grace period is over", async () => {
    const { shutdown, port, arrived } = await serve(200);
    const stuck = await open(port);
    stuck.socket.write(GET("/slow"));
    await arrived;
    expect(await shutdown.drain()).toBe("forced");
    await stuck.closed;
    expect(stuck.received()).toBe("");
  });
});

describe("shutdownGraceSchema", () => {
  it("defaults to 10 s and refuses what is not a duration", () => {
    expect(shutdownGraceSchema.parse(undefined)).toBe(10_000);
    expect(shutdownGraceSchema.parse("2500")).toBe(2_500);
    for (const bad of ["soon", "-1", "1.5", "600001"])
      expect(shutdownGraceSchema.safeParse(bad).success).toBe(false);
  });
});
