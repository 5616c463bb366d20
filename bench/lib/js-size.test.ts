import { describe, expect, it } from "vitest";
import { inlineScripts, scriptSources } from "./js-size";

const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script>
<link rel="preload" as="script" href="/_next/static/chunks/b.js"/></head><body>
<script src="/_next/static/chunks/a.js"></script><script async src="/_next/static/chunks/c.js?dpl=1&amp;x=2"></script>
<script src="/_next/static/chunks/polyfills.js" noModule=""></script>
<script>self.__next_f.push([1,"data"])</script><script nonce="n"></script></body></html>`;

describe("scriptSources", () => {
  it("lists each external script once, in order, with entities decoded, without nomodule polyfills", () => {
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/c.js?dpl=1&x=2"]);
  });
});

describe("inlineScripts", () => {
  it("keeps the bodies of inline scripts only", () => {
    expect(inlineScripts(html)).toEqual(['self.__next_f.push([1,"data"])']);
  });
});
