// Loads the explorer's classic scripts (graph/outputs/explorer/assets) into one
// vm context, as the page joins them into one scope, and gives their
// top-level names to node --test files. Only scripts that touch no page (no
// document, no vis-network) at load time belong here.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ASSETS = path.join(__dirname, "..", "..", "graph", "outputs", "explorer", "assets");

/**
 * The top-level names of the given scripts, run in order in a fresh context.
 * @param {string[]} files names in ASSETS
 * @returns {Record<string, any>}
 */
function load(...files) {
  const context = vm.createContext({});
  for (const file of files) {
    vm.runInContext(fs.readFileSync(path.join(ASSETS, file), "utf8"), context, { filename: file });
  }
  // Top-level const and function declarations of classic scripts live in the
  // context's global scope: read each by evaluating its name there.
  return new Proxy({}, { get: (_, name) => vm.runInContext(String(name), context) });
}

module.exports = { load };
