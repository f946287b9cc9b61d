// The columnar wire form (graph.outputs.explorer.wire) as decode.js rebuilds it.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./load.js");

const js = load("decode.js");

/** to_columns() of [{box: {l: 1}, sign: 1, type: "arms"}, {sign: -1, type: "arms", x: null}, {dashes: [5, 5], sign: 1, type: true}] */
const FORM = {
  columns: {
    box: { table: [{ l: 1 }], index: [0, -1, -1] },
    dashes: { table: [[5, 5]], index: [-1, -1, 0] },
    sign: { values: [1, -1, 1] },
    type: { table: ["arms", true], index: [0, 0, 1] },
    x: { table: [null], index: [-1, 0, -1] },
  },
  length: 3,
};

test("each item gets its values, and no key it did not have", () => {
  const items = js.fromColumns(FORM);
  assert.equal(
    JSON.stringify(items),
    JSON.stringify([
      { box: { l: 1 }, sign: 1, type: "arms" },
      { sign: -1, type: "arms", x: null },
      { dashes: [5, 5], sign: 1, type: true },
    ])
  );
  assert.equal("x" in items[0], false);
  assert.equal(items[1].x, null);
});

test("items never share a nested value", () => {
  const form = { columns: { dashes: { table: [[5, 5]], index: [0, 0] } }, length: 2 };
  const [first, second] = js.fromColumns(form);
  first.dashes.push(1);
  assert.deepEqual(second.dashes, [5, 5]);
  assert.deepEqual(form.columns.dashes.table[0], [5, 5]);
});

test("a scene's actors and relations are rebuilt, the rest left as it is", () => {
  const scene = js.fromColumnarScene({
    edges: { columns: {}, length: 0 },
    nodes: { columns: { id: { table: ["a", "b"], index: [0, 1] } }, length: 2 },
    version: 3,
  });
  assert.equal(JSON.stringify(scene), '{"edges":[],"nodes":[{"id":"a"},{"id":"b"}],"version":3}');
});
