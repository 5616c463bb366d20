import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The `src` of every external script a page's HTML loads, once each, in order. `nomodule` scripts
 * (Next's polyfills) are left out: browsers that run modules never download them.
 */
export function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((match) => match[1]!)
    .filter((attributes) => !/\bnomodule\b/i.test(attributes));
  const sources = tags
    .flatMap((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? [])
    .map((source) => source.replaceAll("&amp;", "&"));
  return [...new Set(sources)];
}

/** The bodies of inline scripts (React's flight data and bootstrapping), for information. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .filter(Boolean);
}

export type JsSize = {
  page: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  inlineGzipBytes: number;
};

/**
 * JavaScript a first visit to `page` downloads: the chunks its HTML references, read from the build
 * output (.next/static, what /_next/static serves) and gzipped one by one as a server would send
 * them (zlib's default level). Inline scripts are counted apart: they are mostly the page's data.
 */
export async function measurePageJs(options: {
  baseUrl: string;
  page: string;
  headers?: Record<string, string>;
  nextDir?: string;
}): Promise<JsSize> {
  const response = await fetch(`${options.baseUrl}${options.page}`, {
    headers: options.headers,
    redirect: "manual",
  });
  const html = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${options.page} answered ${response.status}, not the page`);
  const nextDir = path.resolve(options.nextDir ?? ".next");
  let rawBytes = 0;
  let gzipBytes = 0;
  const sources = scriptSources(html).filter((source) => source.startsWith("/_next/static/"));
  for (const source of sources) {
    const file = path.join(
      nextDir,
      "static",
      decodeURIComponent(source.slice("/_next/static/".length).split("?")[0]!),
    );
    const bytes = await readFile(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  const inlineGzipBytes = gzipSync(inlineScripts(html).join("\n")).length;
  return { page: options.page, scripts: sources.length, rawBytes, gzipBytes, inlineGzipBytes };
}
