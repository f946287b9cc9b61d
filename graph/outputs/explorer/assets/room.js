// @ts-check
// Room for names larger than the layout's, pure functions of the actors'
// boxes (tests/js run them under node).
//
// Larger names than the layout's need more room between actors than the
// layout keeps, and the view is all there is: a projector at 1024 x 768
// shows the whole network only at a zoom where the layout's names are 16
// pixels high, short of the back row's 24. So the actors are moved apart
// on the canvas: each overlapping pair of boxes (shape and label below it,
// at the larger size) is pushed apart along the axis it overlaps least,
// each box kept inside the view and off the "Whole network" button, in
// rounds until none overlaps -- the way the layout's overlap removal
// began (Misue et al. 1995, "force-scan"), here bounded by the view. The
// same view and size give the same positions, so nothing moves as a story
// is stepped through.
//
// Then a label is drawn only where it covers no other drawn label, no
// actor's shape and not the button (chooseLabels): where the view has too
// little room, the last actors in the order given are the ones left out.

// Most actors moved apart to make room for larger names; beyond, the names
// without room are left out (every pair is compared in each round).
const ROOM_UP_TO = 300;
const ROOM_ROUNDS = 400;

/**
 * A box that moves with its point (x, y): its edges relative to the point.
 * @typedef {{x: number, y: number, left: number, right: number, top: number, bottom: number}} Room
 */

/**
 * How much two rooms overlap across (<= 0: not at all).
 * @param {Room} a
 * @param {Room} b
 */
function overlapAcross(a, b) {
  return Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left);
}

/**
 * How much two rooms overlap down (<= 0: not at all).
 * @param {Room} a
 * @param {Room} b
 */
function overlapDown(a, b) {
  return Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top);
}

/**
 * Push two overlapping rooms apart across: half the overlap each, and extra
 * more so that rounds end; a goes the way it lies.
 * @param {Room} a
 * @param {Room} b
 * @param {number} extra
 */
function pushAcross(a, b, extra) {
  const push = (overlapAcross(a, b) / 2 + extra) * (a.x + (a.left + a.right) / 2 <= b.x + (b.left + b.right) / 2 ? 1 : -1);
  a.x -= push;
  b.x += push;
}

/**
 * Push two overlapping rooms apart down, as pushAcross.
 * @param {Room} a
 * @param {Room} b
 * @param {number} extra
 */
function pushDown(a, b, extra) {
  const push = (overlapDown(a, b) / 2 + extra) * (a.y + (a.top + a.bottom) / 2 <= b.y + (b.top + b.bottom) / 2 ? 1 : -1);
  a.y -= push;
  b.y += push;
}

/**
 * Move a room inside a box; one larger than the box is centred on it.
 * @param {Room} b
 * @param {Box} inside
 */
function keepInside(b, inside) {
  b.x = b.right - b.left > inside.right - inside.left
    ? (inside.left + inside.right - b.left - b.right) / 2
    : Math.min(Math.max(b.x, inside.left - b.left), inside.right - b.right);
  b.y = b.bottom - b.top > inside.bottom - inside.top
    ? (inside.top + inside.bottom - b.top - b.bottom) / 2
    : Math.min(Math.max(b.y, inside.top - b.top), inside.bottom - b.bottom);
}

/**
 * Positions inside a box at which no two actors' boxes overlap with labels
 * at factor k, as far as pushing gets in ROOM_ROUNDS rounds, with how many
 * pairs of boxes still overlap; where the box's edge stops a push, the pair
 * is pushed along the other axis if turnAtEdges. Null where shapes would
 * cover each other.
 * @param {SceneNode[]} actors
 * @param {(actor: SceneNode) => vis.Point} start where each actor starts
 * @param {{k: number, inside: Box, named: Set<string>, turnAtEdges: boolean, button: Box | null}} how
 *   labels' factor; the view, less its margin; the actors whose names need
 *   room (the others' shapes only); whether to turn at edges; the "Whole
 *   network" button's box, which nothing may cover
 * @param {Measure} measure
 * @returns {{room: Map<string, vis.Point>, overlaps: number} | null}
 */
function makeRoom(actors, start, how, measure) {
  const pad = measure.label_size / 10; // free space on each side of a box
  const extra = pad / 10;
  const inside = how.inside;
  /** @type {Room[]} */
  const boxes = actors.map((a) => {
    const p = start(a);
    const shape = shapeBox(a, p, measure);
    const box = how.named.has(a.id) ? union([shape, labelPlaces(a, p, how.k, measure)[0].box]) : shape;
    return {
      x: p.x,
      y: p.y,
      left: box.left - p.x - pad,
      right: box.right - p.x + pad,
      top: box.top - p.y - pad,
      bottom: box.bottom - p.y + pad,
    };
  });
  const button = how.button && { x: 0, y: 0, ...how.button }; // a room that does not move
  for (let round = 0; round < ROOM_ROUNDS; round += 1) {
    let clear = true;
    for (let i = 0; i < boxes.length; i += 1) {
      const a = boxes[i];
      for (let j = i + 1; j < boxes.length; j += 1) {
        const b = boxes[j];
        if (overlapAcross(a, b) <= 0 || overlapDown(a, b) <= 0) continue;
        clear = false;
        // Along the axis they overlap least (where the view's edge stops that, along the other).
        const [first, second] = overlapAcross(a, b) < overlapDown(a, b) ? [pushAcross, pushDown] : [pushDown, pushAcross];
        first(a, b, extra);
        keepInside(a, inside);
        keepInside(b, inside);
        if (how.turnAtEdges && overlapAcross(a, b) > 0 && overlapDown(a, b) > 0) {
          second(a, b, extra);
          keepInside(a, inside);
          keepInside(b, inside);
        }
      }
    }
    boxes.forEach((b) => {
      if (button !== null && overlapAcross(b, button) > 0 && overlapDown(b, button) > 0) {
        clear = false;
        // The whole way: the button stands at the right, and at the top.
        if (overlapAcross(b, button) < overlapDown(b, button)) b.x -= overlapAcross(b, button) + extra;
        else b.y += overlapDown(b, button) + extra;
      }
      keepInside(b, inside);
    });
    if (clear) break;
  }
  /** @type {Map<string, vis.Point>} */
  const room = new Map();
  actors.forEach((a, i) => room.set(a.id, { x: boxes[i].x, y: boxes[i].y }));
  const shapes = actors.map((a) => shapeBox(a, /** @type {vis.Point} */ (room.get(a.id)), measure));
  const covered = shapes.some((one, i) => shapes.some((other, j) => j > i && overlap(one, other)));
  let overlaps = 0;
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => (overlaps += Number(overlapAcross(a, b) > 0 && overlapDown(a, b) > 0)))
  );
  return covered ? null : { room: room, overlaps: overlaps };
}

/**
 * The positions, of those makeRoom finds, at which the most names are
 * drawn. Pushing ends in different places with or without turning at the
 * view's edges; where the first way leaves overlaps, the second may not.
 * Where neither makes room for every name, room is made for the names of
 * the better connected half of the actors (those named first before all),
 * then quarter...
 * @param {SceneNode[]} actors
 * @param {(actor: SceneNode) => vis.Point} start where each actor starts
 * @param {{k: number, inside: Box, button: Box | null}} how as for makeRoom
 * @param {Measure} measure
 * @param {Set<string>} first actors whose names get room before all others'
 * @param {(room: Map<string, vis.Point>) => number} names how many names are drawn with the actors there
 * @returns {Map<string, vis.Point>} empty where shapes cannot fit
 */
function bestRoom(actors, start, how, measure, first, names) {
  const ranked = actors
    .slice()
    .sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id)) || b.degree - a.degree || compareText(a.id, b.id));
  /** @type {Array<Map<string, vis.Point>>} */
  const tried = [];
  for (let count = ranked.length; count >= 1; count = Math.floor(count / 2)) {
    const named = new Set(ranked.slice(0, count).map((a) => a.id));
    const turning = makeRoom(actors, start, { ...how, named: named, turnAtEdges: true }, measure);
    const straight = turning && !turning.overlaps ? null : makeRoom(actors, start, { ...how, named: named, turnAtEdges: false }, measure);
    const made = turning && (!straight || turning.overlaps <= straight.overlaps) ? turning : straight;
    if (made) tried.push(made.room);
    if (made && !made.overlaps) break;
  }
  /** @type {Map<string, vis.Point>} */
  let best = new Map();
  let most = -1;
  tried.forEach((room) => {
    const drawn = names(room);
    if (drawn > most) [most, best] = [drawn, room];
  });
  return best;
}

/**
 * The actors whose labels are drawn at factor k, each with its vadjust
 * (see labelPlaces): in order, each label below its shape or else above it,
 * where it lies inside the view and covers no label kept before it, no
 * other actor's shape and no obstacle.
 * @param {SceneNode[]} order the actors drawn, the first to keep their names first
 * @param {(actor: SceneNode) => vis.Point} at where the actors are
 * @param {number} k
 * @param {Box} view
 * @param {Box[]} obstacles boxes no label may cover (the "Whole network" button)
 * @param {Measure} measure
 * @param {boolean} [besideShapes] labels cover no other actor's shape (at scale, names.js: they may)
 * @returns {Map<string, number>}
 */
function chooseLabels(order, at, k, view, obstacles, measure, besideShapes = true) {
  const shapes = besideShapes ? order.map((a) => ({ id: a.id, box: shapeBox(a, at(a), measure) })) : [];
  /** @type {Map<string, number>} */
  const chosen = new Map();
  /** @type {Box[]} */
  const kept = [];
  order.forEach((a) => {
    const place = labelPlaces(a, at(a), k, measure).find(
      ({ box }) =>
        box.left >= view.left &&
        box.right <= view.right &&
        box.top >= view.top &&
        box.bottom <= view.bottom &&
        kept.every((other) => !overlap(box, other)) &&
        obstacles.every((other) => !overlap(box, other)) &&
        shapes.every((shape) => shape.id === a.id || !overlap(box, shape.box))
    );
    if (place !== undefined) {
      kept.push(place.box);
      chosen.set(a.id, place.shift);
    }
  });
  return chosen;
}
