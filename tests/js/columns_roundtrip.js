// Decodes a columnar wire scene (graph.outputs.explorer.wire) with the page's
// own decode.js and checks it against the plain JSON of the same scene:
// node columns_roundtrip.js WIRE.json PLAIN.json prints "same", or the first
// relation or actor that differs and exits 1. Run by tests/test_render.py.
"use strict";

const fs = require("node:fs");
const { load } = require("./load.js");

const js = load("decode.js");
const [wirePath, plainPath] = process.argv.slice(2);
const decoded = js.fromColumnarScene(JSON.parse(fs.readFileSync(wirePath, "utf8")));
const plain = JSON.parse(fs.readFileSync(plainPath, "utf8"));
// Text compared, not only values: the same keys, in the same order, none added or lost.
if (JSON.stringify(decoded) === JSON.stringify(plain)) {
  process.stdout.write("same\n");
} else {
  for (const name of ["nodes", "edges"]) {
    const at = plain[name].findIndex((item, i) => JSON.stringify(item) !== JSON.stringify(decoded[name][i]));
    if (at >= 0 || plain[name].length !== decoded[name].length) {
      process.stdout.write(`${name}[${at}]: ${JSON.stringify(decoded[name][at])} != ${JSON.stringify(plain[name][at])}\n`);
    }
  }
  process.exitCode = 1;
}
