// @ts-check
// Geometry of the network view, pure functions of boxes and points (no page,
// no vis-network), so that tests/js run them under node: boxes' union and
// overlap, the view that fits a drawing to a canvas, where an actor's shape
// and label lie, and the distance from a point to a line.
//
// Lengths are in canvas units (the scene's label_size units times the
// drawing's stretch) unless a name says px.

const MAX_STRETCH = 1.5; // the drawing grows along its shorter side at most this much
const FIT_MARGIN_PX = 12;

/**
 * What the geometry reads from the scene: the labels' font size, and how far
 * a shape reaches from its point, in radii.
 * @typedef {{label_size: number, shape_reach: number}} Measure
 */
/**
 * A view: its centre and scale, and the canvas's size in CSS pixels.
 * @typedef {{position: vis.Point, scale: number, width: number, height: number}} View
 */
/** @typedef {{x: number, y: number, box: Box, scale: number}} Fit */

/**
 * The smallest box around boxes.
 * @param {Box[]} boxes
 * @returns {Box}
 */
function union(boxes) {
  const all = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  boxes.forEach((b) => {
    all.left = Math.min(all.left, b.left);
    all.right = Math.max(all.right, b.right);
    all.top = Math.min(all.top, b.top);
    all.bottom = Math.max(all.bottom, b.bottom);
  });
  return all;
}

/**
 * Whether two boxes overlap (boxes that only touch do not).
 * @param {Box} a
 * @param {Box} b
 */
function overlap(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The box around every actor at the given positions.
 * @param {SceneNode[]} actors
 * @param {(actor: SceneNode) => vis.Point} at
 */
function drawingBox(actors, at) {
  return union(
    actors.map((a) => {
      const p = at(a);
      return { left: p.x + a.box.left, right: p.x + a.box.right, top: p.y + a.box.top, bottom: p.y + a.box.bottom };
    })
  );
}

/**
 * How much to stretch the positions along one axis so that the drawing,
 * size long with its boxes and span between its outermost points, becomes
 * wanted long: at least 1, at most MAX_STRETCH.
 * @param {number} size
 * @param {number} span
 * @param {number} wanted
 */
function stretchFor(size, span, wanted) {
  if (span <= 0) return 1;
  return Math.min(Math.max((wanted - (size - span)) / span, 1), MAX_STRETCH);
}

/**
 * The zoom at which a box fills a width x height canvas, less its margin.
 * @param {Box} box
 * @param {number} width
 * @param {number} height
 */
function fitScale(box, width, height) {
  return Math.min(
    Math.max(width - 2 * FIT_MARGIN_PX, 1) / Math.max(box.right - box.left, 1),
    Math.max(height - 2 * FIT_MARGIN_PX, 1) / Math.max(box.bottom - box.top, 1)
  );
}

/**
 * The stretch, the box and the zoom that show actors at the layout's
 * positions as large as a width x height canvas allows: the drawing is
 * stretched along its shorter side towards the canvas's shape, unless not
 * stretchable.
 * @param {SceneNode[]} actors
 * @param {number} width
 * @param {number} height
 * @param {boolean} stretchable
 * @returns {Fit}
 */
function fitLayout(actors, width, height, stretchable) {
  let x = 1;
  let y = 1;
  if (stretchable) {
    const drawn = drawingBox(actors, (a) => a);
    /** @param {number[]} values */
    const span = (values) =>
      values.reduce((most, v) => Math.max(most, v), -Infinity) -
      values.reduce((least, v) => Math.min(least, v), Infinity);
    const drawnWidth = drawn.right - drawn.left;
    const drawnHeight = drawn.bottom - drawn.top;
    if (drawnWidth * height > drawnHeight * width) {
      y = stretchFor(drawnHeight, span(actors.map((a) => a.y)), (drawnWidth * height) / width);
    } else {
      x = stretchFor(drawnWidth, span(actors.map((a) => a.x)), (drawnHeight * width) / height);
    }
  }
  const box = drawingBox(actors, (a) => ({ x: a.x * x, y: a.y * y }));
  return { x: x, y: y, box: box, scale: fitScale(box, width, height) };
}

/**
 * A square around an actor's shape at p (triangles and stars reach past the radius).
 * @param {SceneNode} a
 * @param {vis.Point} p
 * @param {Measure} measure
 * @returns {Box}
 */
function shapeBox(a, p, measure) {
  const r = measure.shape_reach * a.size;
  return { left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r };
}

/**
 * Where an actor's label can go at factor k, its point at p: below its
 * shape, or above it, each with the vadjust that puts it there (how far it
 * is moved down from where vis-network hangs it). An ellipse is drawn
 * around its label and grows with it, in place.
 * @param {SceneNode} a
 * @param {vis.Point} p
 * @param {number} k
 * @param {Measure} measure
 * @returns {Array<{box: Box, shift: number}>}
 */
function labelPlaces(a, p, k, measure) {
  const half = Math.max(a.box.right, -a.box.left) * k;
  if (a.shape === "ellipse") {
    return [{ box: { left: p.x - half, right: p.x + half, top: p.y + a.box.top * k, bottom: p.y + a.box.bottom * k }, shift: 0 }];
  }
  const gap = measure.label_size / 5; // between a shape and a label above it
  const height = (a.box.bottom - a.label_top) * k;
  const top = p.y + a.label_top + (measure.label_size * (k - 1)) / 2;
  const above = p.y - measure.shape_reach * a.size - gap - height;
  return [
    { box: { left: p.x - half, right: p.x + half, top: top, bottom: top + height }, shift: 0 },
    { box: { left: p.x - half, right: p.x + half, top: above, bottom: above + height }, shift: above - top },
  ];
}

/**
 * The part of the drawing a view shows, in canvas units.
 * @param {View} seen
 * @returns {Box}
 */
function partOf(seen) {
  const reach = { x: seen.width / 2 / seen.scale, y: seen.height / 2 / seen.scale };
  const at = seen.position;
  return { left: at.x - reach.x, right: at.x + reach.x, top: at.y - reach.y, bottom: at.y + reach.y };
}

/**
 * Distance from p to the segment a-b.
 * @param {vis.Point} p
 * @param {vis.Point} a
 * @param {vis.Point} b
 */
function toSegment(p, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length ? Math.min(Math.max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length, 0), 1) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Where a line's curve passes between its two ends: vis-network's curvedCW
 * control point for its roundness, or null for a straight line.
 * @param {{roundness: number | null}} line
 * @param {vis.Point} from
 * @param {vis.Point} to
 * @returns {vis.Point | null}
 */
function curveVia(line, from, to) {
  if (line.roundness === null) return null;
  const dx = to.x - from.x;
  const dy = from.y - to.y;
  const reach = (0.5 * line.roundness + 0.5) * Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) + (0.5 * line.roundness + 0.5) * Math.PI) % (2 * Math.PI);
  return { x: from.x + reach * Math.sin(angle), y: from.y + reach * Math.cos(angle) };
}
