// The page's tie rule (state.js's signedTies), which must give graph.signed_graph's signs.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./load.js");

const js = load("state.js");

/** An actor as the scene has it, for the tie rule: its id and dates. */
function actor(id, active_from = null, active_to = null) {
  return { id, active_from, active_to };
}

/** A relation as the scene has it, for the tie rule. */
function relation(from, to, sign, strength, active_from = null, active_to = null) {
  return { from, to, sign, strength, active_from, active_to };
}

const ACTORS = ["a", "b", "c"].map((id) => actor(id));
/** Each tie's sign, by pair. */
const signs = (ties) => Object.fromEntries(Array.from(ties, ([pair, tie]) => [pair, tie.sign]));

test("the stronger side wins, not the larger number of relations", () => {
  const edges = [relation("a", "b", 1, 3), relation("b", "a", -1, 1), relation("a", "b", -1, 1)];
  assert.deepEqual(signs(js.signedTies({ nodes: ACTORS, edges }, null)), { "a|b": 1 });
});

test("a weighted draw goes by the number of relations, a full draw is opposition", () => {
  const edges = [
    relation("a", "b", 1, 2), relation("a", "b", -1, 1), relation("b", "a", -1, 1), relation("a", "b", 1, 0), relation("b", "a", 1, 0),
    relation("a", "c", 1, 1), relation("c", "a", -1, 1),
  ];
  assert.deepEqual(signs(js.signedTies({ nodes: ACTORS, edges }, null)), { "a|b": 1, "a|c": -1 });
});

test("weights of 0 never turn a tie to a sign none of its relations has", () => {
  const edges = [relation("a", "b", 1, 0), relation("b", "c", -1, 0)];
  assert.deepEqual(signs(js.signedTies({ nodes: ACTORS, edges }, null)), { "a|b": 1, "b|c": -1 });
});

test("relations that count in no tie, and loops, are left out", () => {
  const edges = [relation("a", "b", 1, 1), relation("b", "a", -1, null), relation("a", "b", -1, null), relation("c", "c", 1, null)];
  const ties = js.signedTies({ nodes: ACTORS, edges }, null);
  assert.deepEqual(signs(ties), { "a|b": 1 });
  assert.equal(ties.get("a|b").relations.length, 1);
});

test("only relations and actors there at the period count, as graph.snapshot", () => {
  const nodes = [actor("a"), actor("b"), actor("c", "2016-01-01", null)];
  const edges = [
    relation("a", "b", 1, 1, null, "2015-12-31"),
    relation("a", "b", -1, 1, "2015-06-01", null),
    relation("a", "c", 1, 1),
  ];
  const y2015 = { first: "2015-01-01", last: "2015-12-31" };
  const y2016 = { first: "2016-01-01", last: "2016-12-31" };
  const june = { first: "2015-06-01", last: "2015-06-30" };
  assert.deepEqual(signs(js.signedTies({ nodes, edges }, { first: "2015-01-01", last: "2015-01-31" })), { "a|b": 1 });
  assert.deepEqual(signs(js.signedTies({ nodes, edges }, june)), { "a|b": -1 });
  assert.deepEqual(signs(js.signedTies({ nodes, edges }, y2015)), { "a|b": -1 });
  assert.deepEqual(signs(js.signedTies({ nodes, edges }, y2016)), { "a|b": -1, "a|c": 1 });
});
