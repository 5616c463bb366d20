import { Module, createRequire } from "node:module";

/**
 * lib/ modules import "server-only", a marker for Next's bundler that throws when plain Node loads
 * it. Commands that run lib/ code outside Next answer the marker with an empty module before any of
 * lib/ loads. (`--conditions=react-server`, as the e2e helpers use, would do the same but also
 * switch next-intl to its React-server build, which cannot run outside Next.)
 */
export function allowServerOnlyModules() {
  const require = createRequire(__filename);
  const id = require.resolve("server-only");
  if (require.cache[id]) return;
  const stub = new Module(id);
  stub.filename = id;
  stub.loaded = true;
  stub.exports = {};
  require.cache[id] = stub;
}
