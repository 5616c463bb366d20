import { describe, expect, it } from "vitest";
import { PROOF_LIFETIME_SECONDS, provenBrowserKey, withProof } from "./proven-browser";

const key = Buffer.from("k".repeat(32));
const now = new Date("2026-12-05T00:00:00Z");

describe("proven browser", () => {
  it("proves exactly the subject it was made for, with its own stable key", () => {
    const cookie = withProof(null, "lookup:EX1", now, key);
    const browserKey = provenBrowserKey(cookie, "lookup:EX1", now, key);
    expect(browserKey).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(provenBrowserKey(cookie, "lookup:EX2", now, key)).toBeNull();
    expect(provenBrowserKey(cookie, "lookup:EX1", now, Buffer.from("x".repeat(32)))).toBeNull();
    expect(cookie).not.toContain("EX1");
  });

  it("refuses forged, altered and expired entries", () => {
    const cookie = withProof(null, "account:a@b.c", now, key);
    const [nonce, expires, mac] = cookie.split(".");
    expect(provenBrowserKey(`${nonce}.${Number(expires) + 1}.${mac}`, "account:a@b.c", now, key)).toBeNull();
    expect(provenBrowserKey(`AAAAAAAAAAAAAAAA.${expires}.${mac}`, "account:a@b.c", now, key)).toBeNull();
    expect(provenBrowserKey("garbage~\u0000~" + "a".repeat(3000), "account:a@b.c", now, key)).toBeNull();
    const later = new Date(now.getTime() + (PROOF_LIFETIME_SECONDS + 1) * 1000);
    expect(provenBrowserKey(cookie, "account:a@b.c", later, key)).toBeNull();
  });

  it("keeps proofs for several subjects, replacing an older proof of the same one", () => {
    let cookie = withProof(null, "lookup:EX1", now, key);
    cookie = withProof(cookie, "lookup:EX2", now, key);
    cookie = withProof(cookie, "lookup:EX1", now, key);
    expect(cookie.split("~")).toHaveLength(2);
    expect(provenBrowserKey(cookie, "lookup:EX1", now, key)).not.toBeNull();
    expect(provenBrowserKey(cookie, "lookup:EX2", now, key)).not.toBeNull();
    for (let index = 0; index < 20; index++) cookie = withProof(cookie, `lookup:N${index}`, now, key);
    expect(cookie.split("~")).toHaveLength(8);
  });
});
