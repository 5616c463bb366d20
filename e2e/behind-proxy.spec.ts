import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { generateApplicationNumber } from "../lib/applications/application-number";
import { makeCnResidentId } from "../lib/identity/id-number";
import { LOOKUP_PER_ADDRESS } from "../lib/lookup/throttle";
import { expect, test } from "./fixtures";
import { startApp, type AppProcess } from "./support/app-process";

// Issue 14 item 6: the per-address lookup throttle behind a load balancer. The app trusts
// 127.0.0.1 (the "nginx" here, which forwards X-Forwarded-For); a client that reaches the app from
// 127.0.0.2 directly is not a proxy, so whatever X-Forwarded-For it sends is ignored.

const PROXY = "127.0.0.1";
const DIRECT_CLIENT = "127.0.0.2";
let app: AppProcess;

test.beforeAll(async () => {
  app = await startApp({ TRUSTED_PROXIES: `${PROXY}, fd00::/8` });
});
test.afterAll(() => {
  app?.child.kill("SIGKILL");
});

/** A client address no other test uses (198.18.0.0/15 is set aside for tests like this). */
function clientAddress() {
  const [third, fourth] = randomBytes(2);
  return `198.18.${third}.${fourth}`;
}

/** A wrong lookup (an unknown number, so the number's own key never runs out first). */
function wrongLookup(from: string, forwardedFor?: string): Promise<number> {
  const body = JSON.stringify({
    number: generateApplicationNumber(),
    idType: "CN_RESIDENT_ID",
    idNumber: makeCnResidentId("11010519900101123"),
  });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: app.port,
        localAddress: from,
        method: "POST",
        path: "/api/track",
        headers: {
          "Content-Type": "application/json",
          ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode!));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

async function spendAddressBudget(from: string, forwardedFor: () => string | undefined) {
  for (let attempt = 0; attempt < LOOKUP_PER_ADDRESS.burst; attempt++)
    expect(await wrongLookup(from, forwardedFor())).toBe(404);
}

test("two clients behind the trusted proxy have buckets of their own; a client's spoofed entries do not count", async () => {
  const [first, second] = [clientAddress(), `2001:db8::${randomBytes(2).toString("hex")}`];
  // nginx appends the address it saw; the client wrote the leftmost entry itself.
  await spendAddressBudget(PROXY, () => `${clientAddress()}, ${first}`);
  expect(await wrongLookup(PROXY, `${clientAddress()}, ${first}`)).toBe(429);
  // Another client through the same proxy, and through a chain of trusted proxies, is not throttled.
  expect(await wrongLookup(PROXY, second)).toBe(404);
  expect(await wrongLookup(PROXY, `${second}, fd00::7`)).toBe(404);
});

test("a client that is not a trusted proxy cannot choose its address", async () => {
  const fresh = clientAddress();
  // Its own address is what counts: a new X-Forwarded-For on every attempt does not get it a new bucket...
  await spendAddressBudget(DIRECT_CLIENT, () => clientAddress());
  expect(await wrongLookup(DIRECT_CLIENT, fresh)).toBe(429);
  // ...and it cannot spend someone else's: the address it named is untouched.
  expect(await wrongLookup(PROXY, fresh)).toBe(404);
});
