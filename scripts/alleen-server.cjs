/**
 * `import "server-only"` marks modules that must never reach a browser bundle: Next refuses to
 * build a client component that imports one. Outside Next (the worker, the scripts, the benches)
 * Node loads the package's guard for browsers, which throws; there the mark means nothing, so
 * this preload resolves it to the package's own empty module. Use: `node --require
 * ./scripts/alleen-server.cjs …` (tsx compiles the project to CommonJS, hence a require hook).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded before any loader */
const Module = require("node:module");
const path = require("node:path");

const leeg = path.join(path.dirname(require.resolve("server-only")), "empty.js");
const origineel = Module._resolveFilename;
Module._resolveFilename = function (verzoek, ...rest) {
  return verzoek === "server-only" ? leeg : origineel.call(this, verzoek, ...rest);
};
