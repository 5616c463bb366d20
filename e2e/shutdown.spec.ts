import { expect, test } from "./fixtures";
import { openConnection, startApp, tryConnect, type AppProcess } from "./support/app-process";

// Issue 14 item 4 against the real server (scripts/server.ts → Next), decision 022. Raw sockets play
// nginx: keep-alive connections that stay open between requests, and a request still in flight.

const HEADERS_ONLY = "GET /api/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
// A lookup whose body is sent in two halves: in flight from the server's point of view in between.
const LOOKUP_BODY = JSON.stringify({ number: "not a number", idType: "CN_RESIDENT_ID", idNumber: "x" });
const LOOKUP_HEAD =
  "POST /api/track HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
  `Content-Length: ${Buffer.byteLength(LOOKUP_BODY)}\r\n\r\n`;

let app: AppProcess | undefined;
test.afterEach(() => {
  if (app?.child.exitCode === null) app.child.kill("SIGKILL");
});

/** One full round trip on a fresh connection: the server has read what was written before it. */
async function roundTrip(url: string) {
  expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
}

test("SIGTERM: the request in flight finishes, new and idle connections are refused, exit 0", async () => {
  app = await startApp({ SHUTDOWN_GRACE_MS: "120000" });
  expect(await (await fetch(`${app.url}/api/health/live`)).json()).toEqual({ ok: true });
  const ready = await fetch(`${app.url}/api/health/ready`);
  expect([ready.status, await ready.json()]).toEqual([200, { ok: true }]);
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);

  const idle = await openConnection(app.port);
  idle.socket.write(HEADERS_ONLY);
  await expect.poll(() => idle.received()).toContain('{"ok":true}');
  expect(idle.received()).toMatch(/\r\nConnection: keep-alive\r\n/i);
  const busy = await openConnection(app.port);
  busy.socket.write(LOOKUP_HEAD + LOOKUP_BODY.slice(0, 10));
  // A probe that has sent half its headers when the signal comes: it is answered, not dropped.
  const probe = await openConnection(app.port);
  probe.socket.write("GET /api/health/ready HTTP/1.1\r\nHost: localhost\r\n");
  await roundTrip(app.url);

  app.child.kill("SIGTERM");
  await expect.poll(() => tryConnect(app!.port)).toBe("refused");
  await idle.closed;

  probe.socket.write("\r\n");
  await probe.closed;
  expect(probe.received()).toMatch(/^HTTP\/1\.1 503 /);
  expect(probe.received()).toMatch(/\r\nConnection: close\r\n/i);
  expect(probe.received()).toContain('{"ok":false,"reason":"shutting_down"}');

  busy.socket.write(LOOKUP_BODY.slice(10));
  await busy.closed;
  // The lookup was answered in full (400: the number is malformed), and the connection then closed.
  expect(busy.received()).toMatch(/^HTTP\/1\.1 400 /);
  expect(busy.received()).toMatch(/\r\nConnection: close\r\n/i);
  expect(busy.received()).toContain('"error":"invalid_request"');

  expect(await app.exited).toBe(0);
  expect(app.output()).toContain("All requests finished.");
});

test("SIGTERM: a request that outlasts SHUTDOWN_GRACE_MS is cut, and the process still exits 0", async () => {
  app = await startApp({ SHUTDOWN_GRACE_MS: "1000" });
  const stuck = await openConnection(app.port);
  stuck.socket.write(LOOKUP_HEAD + LOOKUP_BODY.slice(0, 10));
  await roundTrip(app.url);

  app.child.kill("SIGTERM");
  await stuck.closed;
  expect(stuck.received()).toBe("");
  expect(await app.exited).toBe(0);
  expect(app.output()).toContain("Grace period over: open connections were cut.");
});
