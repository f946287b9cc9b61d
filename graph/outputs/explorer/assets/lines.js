// @ts-check
// Relation lines: their widths and dashes at a zoom, and, for networks of
// BATCHED_FROM lines or more, the page's own drawing of them.
//
// From BATCHED_FROM lines on, the page draws them itself, one canvas path
// per look, under vis-network's actors: vis-network strokes, dashes and
// fills an arrow head for each line on its own, which at 35,000 lines took
// 2 to 3 seconds for every picture (benchmarks/README.md).

const BATCHED_FROM = 3000;
const CURVE_SAMPLES = 24; // points along a drawn curve, to stroke it again or find it under the pointer

/**
 * Points along a line as vis-network draws it, in canvas units.
 * @param {vis.Network} drawing
 * @param {number} id the line's id
 * @returns {vis.Point[]} CURVE_SAMPLES + 1 points, from its source to its target
 */
function sampleCurve(drawing, id) {
  const line = drawing.body.edges[id].edgeType;
  const points = [];
  for (let step = 0; step <= CURVE_SAMPLES; step += 1) points.push(line.getPoint(step / CURVE_SAMPLES));
  return points;
}

/**
 * A line's drawn curve stroked again, over the drawing.
 * @param {CanvasRenderingContext2D} context
 * @param {vis.Network} drawing
 * @param {number} id the line's id
 * @param {{colour: string, px: number, dashes?: number[]}} look width and dashes in screen pixels
 */
function strokeRelation(context, drawing, id, look) {
  if (drawing.body.edges[id] === undefined) return;
  const scale = drawing.getScale();
  const points = sampleCurve(drawing, id);
  context.save();
  context.strokeStyle = look.colour;
  context.lineCap = "round";
  context.lineJoin = "round";
  context.lineWidth = look.px / scale;
  context.setLineDash((look.dashes || []).map((dash) => dash / scale));
  context.beginPath();
  context.moveTo(points[0].x, points[0].y);
  points.slice(1).forEach((p) => context.lineTo(p.x, p.y));
  context.stroke();
  context.restore();
}

/**
 * Widths and dashes in canvas units that are the style's screen pixels at
 * scale: lines as the legend shows them once the network is fitted, not
 * hairlines with thousands of dashes when a large network is zoomed out.
 * @param {SceneEdge} relation
 * @param {number} scale
 * @param {number} edgeScale the page's line widths over the style's (CSS --edge-scale)
 */
function lineStyle(relation, scale, edgeScale) {
  const size = edgeScale / scale;
  return {
    width: relation.width * size,
    dashes: relation.dashes.length ? relation.dashes.map((d) => d * size) : /** @type {false} */ (false),
  };
}

/**
 * A line's colours at a brightness (1: as the style has it).
 * @param {SceneEdge} relation
 * @param {number} dim
 */
function edgeColour(relation, dim) {
  const colour = relation.colour;
  const opacity = relation.opacity * dim;
  return { color: colour, highlight: colour, hover: colour, inherit: false, opacity: opacity };
}

/**
 * A line as vis-network takes it, styled for a zoom; hidden when batched
 * (the page draws it, vis-network keeps it for its curve).
 * @param {SceneEdge} relation the line's first relation (its id is the line's)
 * @param {boolean} batched
 * @param {number} edgeScale CSS --edge-scale
 * @param {number} labelSize the scene's label_size
 * @param {number} scale the zoom its widths are for
 * @returns {vis.EdgeItem}
 */
function lineItem(relation, batched, edgeScale, labelSize, scale) {
  return {
    id: relation.id,
    from: relation.from,
    to: relation.to,
    key: relation.key,
    hidden: batched,
    // A symmetric relation (talks, an alliance) goes both ways: no arrow head.
    arrows: { to: { enabled: !relation.symmetric, scaleFactor: 0.8 } },
    ...lineStyle(relation, scale, edgeScale),
    color: edgeColour(relation, 1),
    smooth:
      relation.roundness === null
        ? { enabled: false }
        : { enabled: true, type: "curvedCW", roundness: relation.roundness },
    // A line of many relations says how many it draws.
    font: { size: labelSize * 0.6, strokeWidth: labelSize / 5, align: "top" },
  };
}

/**
 * The lines, drawn by the page: one path stroked per look (colour,
 * brightness, width, dashes), then the arrow heads of each look, solid
 * chevrons stroked at once (filling thousands of triangles took seconds).
 * @param {CanvasRenderingContext2D} context in canvas units
 * @param {Model} model
 * @param {{ids: Set<number>, dims: Map<number, number>, at: Record<string, vis.Point>, scale: number, edgeScale: number}} what
 *   the lines drawn, by id; how bright each is (1 when absent); where the
 *   actors are drawn; the zoom the widths are for; CSS --edge-scale
 */
function drawLines(context, model, what) {
  /** @type {Map<string, SceneEdge[]>} */
  const looks = new Map();
  /** @param {number} id */
  const dim = (id) => what.dims.get(id) || 1;
  what.ids.forEach((id) => {
    const line = /** @type {SceneEdge} */ (model.relations.get(id));
    const key = line.colour + " " + line.opacity * dim(id) + " " + line.width + " " + line.dashes;
    const same = looks.get(key);
    if (same) same.push(line);
    else looks.set(key, [line]);
  });
  context.save();
  looks.forEach((same) => {
    const first = same[0];
    const style = lineStyle(first, what.scale, what.edgeScale);
    context.strokeStyle = first.colour;
    context.globalAlpha = first.opacity * dim(first.id);
    context.lineWidth = style.width;
    context.setLineDash(style.dashes || []);
    const heads = new Path2D();
    context.beginPath();
    same.forEach((line) => {
      const from = what.at[line.from];
      const to = what.at[line.to];
      const bend = curveVia(line, from, to);
      context.moveTo(from.x, from.y);
      if (bend) context.quadraticCurveTo(bend.x, bend.y, to.x, to.y);
      else context.lineTo(to.x, to.y);
      if (line.symmetric) return;
      // An arrow head at the edge of the target's shape, along the line's last stretch.
      const back = bend || from;
      const length = Math.hypot(to.x - back.x, to.y - back.y) || 1;
      const ux = (to.x - back.x) / length;
      const uy = (to.y - back.y) / length;
      const radius = /** @type {SceneNode} */ (model.actors.get(line.to)).size;
      const head = 4 * style.width;
      const tip = { x: to.x - ux * radius, y: to.y - uy * radius };
      heads.moveTo(tip.x - ux * head - uy * head * 0.5, tip.y - uy * head + ux * head * 0.5);
      heads.lineTo(tip.x, tip.y);
      heads.lineTo(tip.x - ux * head + uy * head * 0.5, tip.y - uy * head - ux * head * 0.5);
    });
    context.stroke();
    context.setLineDash([]);
    context.stroke(heads);
  });
  context.restore();
}
