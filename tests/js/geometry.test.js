// Pure geometry of the explorer's network view (geometry.js, room.js, pointer.js's nearestLine).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./load.js");

const js = load("geometry.js", "room.js", "pointer.js");
const MEASURE = { label_size: 18, shape_reach: 1.16 };
/** An object made in the scripts' context as one of this one (deepEqual compares prototypes). */
const plain = (value) => JSON.parse(JSON.stringify(value));

/** An actor as the scene has it: a dot of radius size with a label box below. */
function actor(id, x, y, { size = 10, half = 30, degree = 1, shape = "dot" } = {}) {
  return { id, x, y, size, shape, degree, label_top: size + 4, box: { left: -half, right: half, top: -1.16 * size, bottom: size + 4 + 22 } };
}

test("union is the smallest box around boxes", () => {
  const box = js.union([
    { left: 0, right: 2, top: 0, bottom: 1 },
    { left: -3, right: 1, top: 5, bottom: 7 },
  ]);
  assert.deepEqual(plain(box), { left: -3, right: 2, top: 0, bottom: 7 });
});

test("boxes overlap only with area in common, not when they touch", () => {
  const a = { left: 0, right: 10, top: 0, bottom: 10 };
  assert.equal(js.overlap(a, { left: 5, right: 15, top: 5, bottom: 15 }), true);
  assert.equal(js.overlap(a, { left: 10, right: 20, top: 0, bottom: 10 }), false);
  assert.equal(js.overlap(a, { left: 2, right: 3, top: 11, bottom: 12 }), false);
});

test("stretchFor grows the span to the wanted length, between 1 and MAX_STRETCH", () => {
  assert.equal(js.stretchFor(120, 100, 140), 1.2); // 20 of boxes beside a span of 100 -> 120 wanted of it
  assert.equal(js.stretchFor(120, 100, 100), 1); // never shrinks
  assert.equal(js.stretchFor(120, 100, 1000), js.MAX_STRETCH);
  assert.equal(js.stretchFor(20, 0, 1000), 1); // a single point has nothing to spread
});

test("fitScale fills the canvas less its margins along the tighter axis", () => {
  const m = js.FIT_MARGIN_PX;
  const box = { left: 0, right: 100, top: 0, bottom: 50 };
  assert.equal(js.fitScale(box, 200 + 2 * m, 1000), 2);
  assert.equal(js.fitScale(box, 1000, 25 + 2 * m), 0.5);
});

test("fitLayout stretches a wide drawing down on a tall canvas, not across", () => {
  const actors = [actor("a", 0, 0), actor("b", 400, 0), actor("c", 200, 60)];
  const fit = js.fitLayout(actors, 400, 800, true);
  assert.equal(fit.x, 1);
  assert.equal(fit.y, js.MAX_STRETCH);
  const still = js.fitLayout(actors, 400, 800, false);
  assert.deepEqual([still.x, still.y], [1, 1]);
  // The fitted box is the boxes' union at the stretched positions.
  assert.equal(fit.box.bottom, 60 * js.MAX_STRETCH + actors[2].box.bottom);
});

test("shapeBox reaches shape_reach radii around the point", () => {
  const box = js.shapeBox(actor("a", 0, 0, { size: 10 }), { x: 5, y: 5 }, MEASURE);
  assert.deepEqual(plain(box), { left: 5 - 11.6, right: 5 + 11.6, top: 5 - 11.6, bottom: 5 + 11.6 });
  const wider = js.shapeBox(actor("a", 0, 0, { size: 10 }), { x: 0, y: 0 }, { ...MEASURE, shape_reach: 2 });
  assert.equal(wider.right, 20);
});

test("labelPlaces puts a label below its shape, or above it clear of the shape", () => {
  const a = actor("a", 0, 0, { size: 10, half: 30 });
  const [below, above] = js.labelPlaces(a, { x: 0, y: 0 }, 2, MEASURE);
  assert.equal(below.shift, 0);
  assert.equal(below.box.left, -60); // half the width at factor 2
  assert.ok(above.box.bottom <= -1.16 * 10, "the label above ends above the shape");
  assert.equal(above.shift, above.box.top - below.box.top);
  const ellipse = js.labelPlaces(actor("e", 0, 0, { shape: "ellipse" }), { x: 0, y: 0 }, 1, MEASURE);
  assert.equal(ellipse.length, 1);
});

test("partOf is the canvas's part a view shows", () => {
  const part = js.partOf({ position: { x: 10, y: 20 }, scale: 2, width: 100, height: 40 });
  assert.deepEqual(plain(part), { left: -15, right: 35, top: 10, bottom: 30 });
});

test("toSegment measures to the nearest point of a segment, ends included", () => {
  const a = { x: 0, y: 0 };
  const b = { x: 10, y: 0 };
  assert.equal(js.toSegment({ x: 5, y: 3 }, a, b), 3);
  assert.equal(js.toSegment({ x: 13, y: 4 }, a, b), 5);
  assert.equal(js.toSegment({ x: 3, y: 4 }, a, a), 5);
});

test("curveVia is null for a straight line and off the line for a curve", () => {
  assert.equal(js.curveVia({ roundness: null }, { x: 0, y: 0 }, { x: 10, y: 0 }), null);
  const bend = js.curveVia({ roundness: 0.2 }, { x: 0, y: 0 }, { x: 10, y: 0 });
  assert.ok(Math.abs(bend.y) > 0.5);
});

test("the room solver's pushes separate two overlapping boxes along the axis they overlap least", () => {
  const a = { x: 0, y: 0, left: -10, right: 10, top: -5, bottom: 5 };
  const b = { x: 15, y: 2, left: -10, right: 10, top: -5, bottom: 5 };
  assert.equal(js.overlapAcross(a, b), 5);
  assert.equal(js.overlapDown(a, b), 8);
  js.pushAcross(a, b, 0.1);
  assert.ok(js.overlapAcross(a, b) < 0, "apart across");
  assert.ok(a.x < 0 && b.x > 15, "each goes the way it lies");
});

test("keepInside moves a box into the view, and centres one larger than it", () => {
  const inside = { left: 0, right: 100, top: 0, bottom: 100 };
  const b = { x: 98, y: -3, left: -5, right: 5, top: -5, bottom: 5 };
  js.keepInside(b, inside);
  assert.deepEqual([b.x, b.y], [95, 5]);
  const big = { x: 0, y: 50, left: -80, right: 80, top: -5, bottom: 5 };
  js.keepInside(big, inside);
  assert.equal(big.x, 50);
});

test("makeRoom moves overlapping actors apart inside the view", () => {
  const actors = [actor("a", 0, 0), actor("b", 10, 0), actor("c", 20, 5)];
  const how = { k: 1.5, inside: { left: -200, right: 200, top: -200, bottom: 200 }, named: new Set(["a", "b", "c"]), turnAtEdges: true, button: null };
  const made = js.makeRoom(actors, (a) => a, how, MEASURE);
  assert.equal(made.overlaps, 0);
  const boxes = actors.map((a) => {
    const p = made.room.get(a.id);
    return js.union([js.shapeBox(a, p, MEASURE), js.labelPlaces(a, p, 1.5, MEASURE)[0].box]);
  });
  boxes.forEach((one, i) => boxes.slice(i + 1).forEach((other) => assert.equal(js.overlap(one, other), false)));
  for (const p of made.room.values()) assert.ok(p.x >= -200 && p.x <= 200 && p.y >= -200 && p.y <= 200);
  // The same input gives the same positions: nothing moves as a story is stepped through.
  assert.deepEqual(js.makeRoom(actors, (a) => a, how, MEASURE), made);
});

test("makeRoom keeps actors off the button, and says when shapes cannot fit", () => {
  const actors = [actor("a", 90, -90)];
  const button = { left: 60, right: 100, top: -100, bottom: -60 };
  const inside = { left: -100, right: 100, top: -100, bottom: 100 };
  const made = js.makeRoom(actors, (a) => a, { k: 1, inside, named: new Set(), turnAtEdges: true, button }, MEASURE);
  assert.equal(js.overlap(js.shapeBox(actors[0], made.room.get("a"), MEASURE), button), false);
  const crowded = [actor("a", 0, 0, { size: 40 }), actor("b", 1, 0, { size: 40 })];
  const tiny = { left: -20, right: 20, top: -20, bottom: 20 };
  assert.equal(js.makeRoom(crowded, (a) => a, { k: 1, inside: tiny, named: new Set(), turnAtEdges: true, button: null }, MEASURE), null);
});

test("chooseLabels keeps the first actors' names where names would overlap", () => {
  const actors = [actor("hub", 0, 0), actor("next", 5, 0), actor("last", 10, 0)];
  const view = { left: -500, right: 500, top: -500, bottom: 500 };
  const chosen = js.chooseLabels(actors, (a) => a, 1, view, [], MEASURE);
  // The first below its shape, the second above its own, the third has no room left.
  assert.deepEqual([...chosen.keys()], ["hub", "next"]);
  assert.equal(chosen.get("hub"), 0);
  assert.ok(chosen.get("next") < 0);
  const apart = [actor("a", 0, 0), actor("b", 200, 0)];
  assert.equal(js.chooseLabels(apart, (a) => a, 1, view, [], MEASURE).size, 2);
  // Not under an obstacle, nor past the view's edge: then above the shape.
  const obstacle = { left: -40, right: 40, top: 10, bottom: 40 };
  const moved = js.chooseLabels([actor("a", 0, 0)], (a) => a, 1, view, [obstacle], MEASURE);
  assert.ok(moved.get("a") < 0, "the label goes above its shape");
  const edge = { left: -500, right: 500, top: -500, bottom: 20 };
  assert.ok(js.chooseLabels([actor("a", 0, 0)], (a) => a, 1, edge, [], MEASURE).get("a") < 0);
});

test("nearestLine picks the nearest line within reach, or none", () => {
  const curves = new Map([
    [1, { points: [{ x: 0, y: 0 }, { x: 100, y: 0 }], left: 0, right: 100, top: 0, bottom: 0 }],
    [2, { points: [{ x: 0, y: 10 }, { x: 100, y: 10 }], left: 0, right: 100, top: 10, bottom: 10 }],
  ]);
  const curve = (id) => curves.get(id);
  assert.equal(js.nearestLine({ x: 50, y: 3 }, [1, 2], curve, () => 5), 1);
  assert.equal(js.nearestLine({ x: 50, y: 8 }, [1, 2], curve, () => 5), 2);
  assert.equal(js.nearestLine({ x: 50, y: 30 }, [1, 2], curve, () => 5), null);
});

test("bestRoom keeps, of the positions tried, those where the most names are drawn", () => {
  const rooms = load("dom.js", "geometry.js", "room.js");
  const actors = [actor("a", 0, 0, { degree: 3 }), actor("b", 10, 0, { degree: 2 }), actor("c", 20, 0, { degree: 1 })];
  const inside = { left: -300, right: 300, top: -300, bottom: 300 };
  let counted = 0;
  const best = rooms.bestRoom(actors, (a) => a, { k: 1.5, inside, button: null }, MEASURE, new Set(), (room) => {
    counted += 1;
    return room.size;
  });
  assert.equal(counted, 1, "room for every name at the first try: nothing else tried");
  assert.deepEqual([...best.keys()].sort(), ["a", "b", "c"]);
  // Where shapes cannot fit at all, no positions.
  const tiny = { left: -5, right: 5, top: -5, bottom: 5 };
  assert.equal(rooms.bestRoom(actors, (a) => a, { k: 1, inside: tiny, button: null }, MEASURE, new Set(), () => 0).size, 0);
});
