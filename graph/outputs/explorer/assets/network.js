// @ts-check
// The network view: the actors and relations drawn by vis-network at the
// scene's positions, fitted to the canvas, with a card for what the pointer
// rests on.
//
// Positions, radii and label sizes come from the scene in one unit (the
// labels' font size), in which no two actors' boxes -- shape and label --
// overlap; vis-network scales all three together, so they overlap at no
// zoom. The layout lies across; on a canvas of another shape, the drawing
// grows along its shorter side, up to MAX_STRETCH times: spreading actors
// apart keeps every label clear. Names larger than the layout's (the
// classroom's back row, A+) need more room than the layout keeps: the actors
// are then moved apart on the canvas until they have it (see "room").

const DIMMED = 0.12; // opacity of what is not lit
const IDLE = 0.3; // opacity of actors with no relation drawn at the date shown (not there yet, or idle)
const MAX_STRETCH = 1.5;
const FIT_MARGIN_PX = 12;
// From this many lines on, the page draws them itself, one canvas path per
// look, under vis-network's actors: vis-network strokes, dashes and fills
// an arrow head for each line on its own, which at 35,000 lines took 2 to 3
// seconds for every picture (benchmarks/README.md).
const BATCHED_FROM = 3000;
// Most actors moved apart to make room for larger names; beyond, the names
// without room are left out (every pair is compared in each round).
const ROOM_UP_TO = 300;
const ROOM_ROUNDS = 400;

/**
 * @param {App} app
 */
function networkView(app) {
  const model = app.model;
  const data = model.data;
  const relations = data.edges;
  // One drawn line per relation, or per group of relations drawn alike (see the scene's edge.line).
  const lines = relations.filter((relation) => relation.line === relation.id);
  const batched = lines.length >= BATCHED_FROM;
  const container = byId("network");
  const pageStyle = getComputedStyle(document.body);
  const edgeScale = lineScale();
  const large = data.nodes.length > data.labelled_up_to;
  const stretched = { x: 1, y: 1 }; // the stretch the actors are drawn with
  let linesScale = 1; // the zoom at which relation lines have their style's widths
  /** @type {vis.Network | null} */
  let network = null; // created once the page around it is built

  /** @type {Map<string, vis.Point>} */
  let placed = new Map(); // where actors were moved to make room for larger names (see "room")
  let roomFor = ""; // the label factor, view and stretch placed was made for

  /**
   * Where an actor is drawn: where the reader dragged it, if they did, or
   * where it was moved to make room for larger names, or at the layout's
   * position stretched as the drawing is.
   * @param {SceneNode} actor
   */
  function position(actor) {
    return app.state.moved.get(actor.id) || placed.get(actor.id) || { x: actor.x * stretched.x, y: actor.y * stretched.y };
  }

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
   * The box around every actor at the given positions.
   * @param {(actor: SceneNode) => vis.Point} at
   */
  function drawingBox(at) {
    return union(
      data.nodes.map((a) => {
        const p = at(a);
        return { left: p.x + a.box.left, right: p.x + a.box.right, top: p.y + a.box.top, bottom: p.y + a.box.bottom };
      })
    );
  }

  /**
   * How much to stretch the positions along one axis so that the drawing,
   * size long with its boxes and span between its outermost points, becomes
   * wanted long.
   * @param {number} size
   * @param {number} span
   * @param {number} wanted
   */
  function stretchFor(size, span, wanted) {
    if (span <= 0) return 1;
    return Math.min(Math.max((wanted - (size - span)) / span, 1), MAX_STRETCH);
  }

  /**
   * The stretch, the box and the zoom that show the whole network as large
   * as a width x height canvas allows. Above labelled_up_to actors the actors
   * are not stretched: moving them all would take seconds; once the reader
   * has dragged actors, the stretch stays as it was and only the zoom follows.
   * @param {number} width
   * @param {number} height
   */
  function fitting(width, height) {
    let x = stretched.x;
    let y = stretched.y;
    let box;
    if (app.state.moved.size) box = drawingBox(position);
    else {
      x = 1;
      y = 1;
      if (!large) {
        const drawn = drawingBox((a) => a);
        /** @param {number[]} values */
        const span = (values) =>
          values.reduce((most, v) => Math.max(most, v), -Infinity) -
          values.reduce((least, v) => Math.min(least, v), Infinity);
        const drawnWidth = drawn.right - drawn.left;
        const drawnHeight = drawn.bottom - drawn.top;
        if (drawnWidth * height > drawnHeight * width) {
          y = stretchFor(drawnHeight, span(data.nodes.map((a) => a.y)), (drawnWidth * height) / width);
        } else {
          x = stretchFor(drawnWidth, span(data.nodes.map((a) => a.x)), (drawnHeight * width) / height);
        }
      }
      box = drawingBox((a) => ({ x: a.x * x, y: a.y * y }));
    }
    const scale = Math.min(
      Math.max(width - 2 * FIT_MARGIN_PX, 1) / Math.max(box.right - box.left, 1),
      Math.max(height - 2 * FIT_MARGIN_PX, 1) / Math.max(box.bottom - box.top, 1)
    );
    return { x: x, y: y, box: box, scale: scale };
  }

  /**
   * Widths and dashes in canvas units that are the style's screen pixels at
   * scale: lines as the legend shows them once the network is fitted, not
   * hairlines with thousands of dashes when a large network is zoomed out.
   * @param {SceneEdge} relation
   * @param {number} scale
   */
  function lineStyle(relation, scale) {
    const size = edgeScale / scale;
    return {
      width: relation.width * size,
      dashes: relation.dashes.length ? relation.dashes.map((d) => d * size) : /** @type {false} */ (false),
    };
  }

  /** @param {number} scale */
  function styleLines(scale) {
    linesScale = scale;
    edges.update(lines.map((line) => ({ id: line.id, ...lineStyle(line, scale) })));
  }

  /**
   * @param {SceneEdge} relation
   * @param {number} dim
   */
  function edgeColour(relation, dim) {
    const colour = relation.colour;
    const opacity = relation.opacity * dim;
    return { color: colour, highlight: colour, hover: colour, inherit: false, opacity: opacity };
  }

  /** @type {vis.DataSet<vis.NodeItem>} */
  const nodes = new vis.DataSet(
    data.nodes.map((actor) => ({
      id: actor.id,
      label: actor.label,
      x: actor.x,
      y: actor.y,
      size: actor.size,
      shape: actor.shape,
      color: {
        background: actor.colour,
        border: "#111111",
        highlight: { background: actor.colour, border: "#000000" },
        hover: { background: actor.colour, border: "#000000" },
      },
    }))
  );
  /** @type {vis.DataSet<vis.EdgeItem>} */
  const edges = new vis.DataSet(
    lines.map((relation) => ({
      id: relation.id,
      from: relation.from,
      to: relation.to,
      key: relation.key,
      hidden: batched, // drawn by drawLines; vis-network keeps them for their curves
      // A symmetric relation (talks, an alliance) goes both ways: no arrow head.
      arrows: { to: { enabled: !relation.symmetric, scaleFactor: 0.8 } },
      ...lineStyle(relation, 1),
      color: edgeColour(relation, 1),
      smooth:
        relation.roundness === null
          ? { enabled: false }
          : { enabled: true, type: "curvedCW", roundness: relation.roundness },
      // A line of many relations says how many it draws.
      font: { size: data.label_size * 0.6, strokeWidth: data.label_size / 5, align: "top" },
    }))
  );

  // Show, hide and dim actors and relations; only what changed is sent to vis-network.
  /** @type {Map<string, string>} */
  const drawn = new Map();
  /** @type {Set<number>} */
  let shownNow = new Set(); // the relations drawn
  /** @type {Set<number>} */
  let linesNow = new Set(); // the lines drawn, by id
  /** @type {Map<number, number>} */
  const dims = new Map(); // how bright each line is drawn, when the page draws them (batched)

  /** @type {{actors: Set<string>, relations: Set<number>} | null} */
  let litNow = null; // the actors and relations kept bright
  /** @type {string | null} */
  let focusedOn = null; // the actor the view was centred on, kept there when the canvas resizes
  let stepShown = -1; // the story step drawn (-1: none)
  let autoLabels = 1; // how much larger than the layout's labels the preset needs them at this zoom
  /** @type {{left: number, right: number, top: number, bottom: number}} */
  let view = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity }; // in canvas units
  // At scale, names (at the preset's size on screen, whatever the zoom) and
  // line widths are chosen for the part on screen, again once a zoom or pan
  // stops: sized for the whole network, a zoomed-in view drew names and
  // dashes dozens of times too large, seconds a frame.
  function restyle() {
    if (network === null) return;
    const scale = network.getScale();
    const wanted = parseFloat(getComputedStyle(container).getPropertyValue("--label-px")) || 0;
    autoLabels = Math.max(1, wanted / (data.label_size * scale));
    if (Math.abs(Math.log(scale / linesScale)) > 0.1) styleLines(scale);
    draw(shownNow, litNow);
  }
  const rename = whenStill(restyle);

  // ---------------------------------------------------------------- labels
  //
  // At the layout's font size no two labels overlap (the scene's boxes). The
  // reader's A-/A+ (state.labelScale) and the preset's smallest label size
  // (CSS --label-px: the back row of a classroom) can make them larger than
  // that. Then the actors are first moved apart within the view until every
  // actor's box at the larger size is clear of the others' ("room"); a label
  // is drawn only where it covers no other drawn label, no actor's shape and
  // not the "Whole network" button, the lit actors' first, then by number of
  // relations: where the view has too little room, the least connected
  // actors' names are the ones left out.

  /** The labels' font size over the layout's. */
  function labelFactor() {
    return autoLabels * app.state.labelScale;
  }

  /** @typedef {{left: number, right: number, top: number, bottom: number}} Box */

  /**
   * @param {Box} a
   * @param {Box} b
   */
  function overlap(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /**
   * A square around an actor's shape at p (triangles reach 1.16 radii).
   * @param {SceneNode} a
   * @param {vis.Point} p
   * @returns {Box}
   */
  function shapeBox(a, p) {
    const r = 1.16 * a.size;
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
   * @returns {Array<{box: Box, shift: number}>}
   */
  function labelPlaces(a, p, k) {
    const half = Math.max(a.box.right, -a.box.left) * k;
    if (a.shape === "ellipse") {
      return [{ box: { left: p.x - half, right: p.x + half, top: p.y + a.box.top * k, bottom: p.y + a.box.bottom * k }, shift: 0 }];
    }
    const gap = data.label_size / 5; // between a shape and a label above it
    const height = (a.box.bottom - a.label_top) * k;
    const top = p.y + a.label_top + (data.label_size * (k - 1)) / 2;
    const above = p.y - 1.16 * a.size - gap - height;
    return [
      { box: { left: p.x - half, right: p.x + half, top: top, bottom: top + height }, shift: 0 },
      { box: { left: p.x - half, right: p.x + half, top: above, bottom: above + height }, shift: above - top },
    ];
  }

  /**
   * Where the "Whole network" button lies over the canvas, in canvas units.
   * @returns {Box | null}
   */
  function buttonBox() {
    const button = document.getElementById("fit-view");
    if (network === null || button === null || button.hidden || !button.offsetWidth) return null;
    const frame = container.getBoundingClientRect();
    const bounds = button.getBoundingClientRect();
    const from = network.DOMtoCanvas({ x: bounds.left - frame.left, y: bounds.top - frame.top });
    const to = network.DOMtoCanvas({ x: bounds.right - frame.left, y: bounds.bottom - frame.top });
    return { left: from.x, right: to.x, top: from.y, bottom: to.y };
  }

  // ------------------------------------------------------------------ room
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
  // is stepped through; once the reader drags an actor, positions stay put.

  /**
   * Positions in the view at which no two actors' boxes overlap with
   * labels at factor k, as far as pushing gets in ROOM_ROUNDS rounds, with
   * how many pairs of boxes still overlap; where the view's edge stops a
   * push, the pair is pushed along the other axis if turnAtEdges. Null
   * where shapes would cover each other.
   * @param {number} k
   * @param {Box} inside the view, less its margin
   * @param {Set<string>} named the actors whose names need room; the others' shapes only
   * @param {boolean} turnAtEdges
   * @returns {{room: Map<string, vis.Point>, overlaps: number} | null}
   */
  function makeRoom(k, inside, named, turnAtEdges) {
    const pad = data.label_size / 10; // free space on each side of a box
    const boxes = data.nodes.map((a) => {
      const p = { x: a.x * stretched.x, y: a.y * stretched.y };
      const shape = shapeBox(a, p);
      const box = named.has(a.id) ? union([shape, labelPlaces(a, p, k)[0].box]) : shape;
      return {
        x: p.x,
        y: p.y,
        left: box.left - p.x - pad,
        right: box.right - p.x + pad,
        top: box.top - p.y - pad,
        bottom: box.bottom - p.y + pad,
      };
    });
    const buttonAt = buttonBox();
    const button = buttonAt && { x: 0, y: 0, ...buttonAt }; // a box that does not move
    /** @param {typeof boxes[0]} b */
    const keepInside = (b) => {
      b.x = b.right - b.left > inside.right - inside.left
        ? (inside.left + inside.right - b.left - b.right) / 2
        : Math.min(Math.max(b.x, inside.left - b.left), inside.right - b.right);
      b.y = b.bottom - b.top > inside.bottom - inside.top
        ? (inside.top + inside.bottom - b.top - b.bottom) / 2
        : Math.min(Math.max(b.y, inside.top - b.top), inside.bottom - b.bottom);
    };
    /** @typedef {typeof boxes[0]} Room */
    /** @param {Room} a @param {Room} b */
    const across = (a, b) => Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left);
    /** @param {Room} a @param {Room} b */
    const down = (a, b) => Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top);
    // Half the overlap each, a little more so that rounds end; a goes the way it lies.
    /** @param {Room} a @param {Room} b */
    const pushAcross = (a, b) => {
      const push = (across(a, b) / 2 + pad / 10) * (a.x + (a.left + a.right) / 2 <= b.x + (b.left + b.right) / 2 ? 1 : -1);
      a.x -= push;
      b.x += push;
    };
    /** @param {Room} a @param {Room} b */
    const pushDown = (a, b) => {
      const push = (down(a, b) / 2 + pad / 10) * (a.y + (a.top + a.bottom) / 2 <= b.y + (b.top + b.bottom) / 2 ? 1 : -1);
      a.y -= push;
      b.y += push;
    };
    for (let round = 0; round < ROOM_ROUNDS; round += 1) {
      let clear = true;
      for (let i = 0; i < boxes.length; i += 1) {
        const a = boxes[i];
        for (let j = i + 1; j < boxes.length; j += 1) {
          const b = boxes[j];
          if (across(a, b) <= 0 || down(a, b) <= 0) continue;
          clear = false;
          // Along the axis they overlap least (where the view's edge stops that, along the other).
          const [first, second] = across(a, b) < down(a, b) ? [pushAcross, pushDown] : [pushDown, pushAcross];
          first(a, b);
          keepInside(a);
          keepInside(b);
          if (turnAtEdges && across(a, b) > 0 && down(a, b) > 0) {
            second(a, b);
            keepInside(a);
            keepInside(b);
          }
        }
      }
      boxes.forEach((b) => {
        if (button !== null && across(b, button) > 0 && down(b, button) > 0) {
          clear = false;
          // The whole way: the button stands at the right, and at the top.
          if (across(b, button) < down(b, button)) b.x -= across(b, button) + pad / 10;
          else b.y += down(b, button) + pad / 10;
        }
        keepInside(b);
      });
      if (clear) break;
    }
    /** @type {Map<string, vis.Point>} */
    const room = new Map();
    data.nodes.forEach((a, i) => room.set(a.id, { x: boxes[i].x, y: boxes[i].y }));
    const shapes = data.nodes.map((a) => shapeBox(a, /** @type {vis.Point} */ (room.get(a.id))));
    const covered = shapes.some((one, i) => shapes.some((other, j) => j > i && overlap(one, other)));
    let overlaps = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => (overlaps += Number(across(a, b) > 0 && down(a, b) > 0))));
    return covered ? null : { room: room, overlaps: overlaps };
  }

  /**
   * Move the actors apart for names at factor k in the view, and out from
   * under the "Whole network" button; not above ROOM_UP_TO actors, nor once
   * the reader has dragged actors.
   * @param {number} k
   */
  function arrange(k) {
    if (network === null || large || data.nodes.length > ROOM_UP_TO || app.state.moved.size) return;
    const key = [k, view.left, view.top, view.right, view.bottom, stretched.x, stretched.y].join(" ");
    if (key === roomFor) return;
    roomFor = key;
    const margin = FIT_MARGIN_PX / network.getScale();
    const inside = { left: view.left + margin, right: view.right - margin, top: view.top + margin, bottom: view.bottom - margin };
    /** @type {Map<string, vis.Point>} */
    let best = new Map();
    // At the layout's size too: an actor under the "Whole network" button
    // moves out. Pushing ends in different places with or without turning
    // at the view's edges; where the first way leaves overlaps, the second
    // may not. Where neither makes room for every name, room is made for
    // the names of the better connected half of the actors, then quarter...;
    // of these, the positions at which the most names are drawn are kept.
    const ranked = data.nodes.slice().sort((a, b) => b.degree - a.degree || compareText(a.id, b.id));
    /** @type {Array<Map<string, vis.Point>>} */
    const tried = [];
    for (let count = ranked.length; count >= 1; count = Math.floor(count / 2)) {
      const named = new Set(ranked.slice(0, count).map((a) => a.id));
      const turning = makeRoom(Math.max(k, 1), inside, named, true);
      const straight = turning && !turning.overlaps ? null : makeRoom(Math.max(k, 1), inside, named, false);
      const made = turning && (!straight || turning.overlaps <= straight.overlaps) ? turning : straight;
      if (made) tried.push(made.room);
      if (made && !made.overlaps) break;
    }
    let most = -1;
    tried.forEach((room) => {
      const names = labelled(k, new Set(), (a) => /** @type {vis.Point} */ (room.get(a.id))).size;
      if (names > most) [most, best] = [names, room];
    });
    placed = best;
    nodes.update(data.nodes.map((a) => ({ id: a.id, ...position(a) })));
    curves.clear();
  }

  /**
   * The actors whose labels are drawn at factor k, each with its vadjust
   * (see labelPlaces).
   * @param {number} k
   * @param {Set<string>} hidden actors not drawn
   * @param {(actor: SceneNode) => vis.Point} [at] where the actors are; where they are drawn by default
   * @returns {Map<string, number>}
   */
  function labelled(k, hidden, at = position) {
    const state = app.state;
    const visible = data.nodes.filter((a) => !hidden.has(a.id));
    /** @type {Map<string, number>} */
    const chosen = new Map();
    if (!state.labels) return chosen;
    if (k <= 1 && !large) {
      visible.forEach((a) => chosen.set(a.id, 0));
      return chosen;
    }
    const first = litNow ? litNow.actors : new Set();
    // At scale, the most central actors in the part on screen (names.js).
    const seen = large && network !== null ? partOf(viewOn(container.clientWidth, container.clientHeight)) : view;
    const tried = large ? centralInView(visible, at, seen, first, NAMES_CONSIDERED) : visible;
    // At scale a name may cover a less central actor's small disc (its white
    // halo keeps it legible): else the densest, most central part goes unnamed.
    const shapes = large ? [] : tried.map((a) => ({ id: a.id, box: shapeBox(a, at(a)) }));
    const button = buttonBox();
    if (button !== null) shapes.push({ id: "", box: button });
    const order = tried.slice().sort(
      (a, b) => Number(first.has(b.id)) - Number(first.has(a.id)) || b.degree - a.degree || compareText(a.id, b.id)
    );
    /** @type {Box[]} */
    const kept = [];
    order.forEach((a) => {
      const place = labelPlaces(a, at(a), k).find(
        ({ box }) =>
          box.left >= seen.left &&
          box.right <= seen.right &&
          box.top >= seen.top &&
          box.bottom <= seen.bottom &&
          kept.every((other) => !overlap(box, other)) &&
          shapes.every((shape) => shape.id === a.id || !overlap(box, shape.box))
      );
      if (place !== undefined) {
        kept.push(place.box);
        chosen.set(a.id, place.shift);
      }
    });
    return chosen;
  }

  /**
   * @param {Set<number>} shown
   * @param {{actors: Set<string>, relations: Set<number>} | null} lit
   */
  function draw(shown, lit) {
    shownNow = shown;
    litNow = lit;
    const off = app.state.off;
    const period = app.state.period;
    // Actors out of the filters, or outside their own dates (graph.snapshot), are not drawn.
    const hidden = new Set(
      data.nodes.filter((a) => off.camp.has(a.camp) || !activeAt(a, period)).map((a) => a.id)
    );
    const k = labelFactor();
    arrange(k);
    const named = labelled(k, hidden);
    const size = data.label_size * k;
    /** @type {Array<Partial<vis.NodeItem> & {id: string}>} */
    const nodeChanges = [];
    /** @type {Set<string>} */
    const active = new Set();
    if (app.state.period !== null) {
      shown.forEach((id) => {
        const relation = /** @type {SceneEdge} */ (model.relations.get(id));
        active.add(relation.from);
        active.add(relation.to);
      });
    }
    data.nodes.forEach((actor) => {
      const idle = app.state.period !== null && !active.has(actor.id);
      const opacity = lit && !lit.actors.has(actor.id) ? DIMMED : idle ? IDLE : 1;
      const label = named.has(actor.id) ? actor.label : "";
      const shift = named.get(actor.id) || 0; // canvas units, as the font size
      const look = "n" + hidden.has(actor.id) + opacity + size + label + shift;
      if (drawn.get("n" + actor.id) !== look) {
        drawn.set("n" + actor.id, look);
        const colour = opacity === 1 ? "#000000" : "rgba(0, 0, 0, " + Math.min(2 * opacity, 0.6) + ")";
        nodeChanges.push({
          id: actor.id,
          hidden: hidden.has(actor.id),
          opacity: opacity,
          label: label,
          font: { color: colour, size: size, strokeWidth: size / 3, vadjust: shift },
        });
      }
    });
    /** @type {Array<Partial<vis.EdgeItem> & {id: number}>} */
    const edgeChanges = [];
    linesNow = new Set();
    lines.forEach((line) => {
      const members = /** @type {SceneEdge[]} */ (model.lines.get(line.id));
      let count = 0;
      let bright = lit === null;
      members.forEach((relation) => {
        if (!shown.has(relation.id)) return;
        count += 1;
        bright = bright || /** @type {{relations: Set<number>}} */ (lit).relations.has(relation.id);
      });
      const hidden = count === 0;
      if (!hidden) linesNow.add(line.id);
      const dim = bright ? 1 : DIMMED;
      const label = members.length > 1 ? String(count) : undefined;
      const look = "e" + hidden + dim + label;
      if (batched) dims.set(line.id, dim);
      else if (drawn.get("e" + line.id) !== look) {
        drawn.set("e" + line.id, look);
        edgeChanges.push({ id: line.id, hidden: hidden, color: edgeColour(line, dim), label: label });
      }
    });
    nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    if (network === null) return;
    // A story is about the whole network: it starts from it, and a step
    // leaves what a search zoomed in on (a reader's own zoom stays).
    if (app.state.step !== stepShown) {
      const started = stepShown < 0;
      stepShown = app.state.step;
      if (stepShown >= 0 && (started || focusedOn !== null)) fitWhole();
    }
    if (batched) network.redraw();
    const selected = app.state.selected;
    const current = network.getSelectedNodes();
    if (selected === null && current.length) network.unselectAll();
    else if (selected !== null && (current.length !== 1 || current[0] !== selected)) {
      network.selectNodes([selected], false);
    }
  }

  // Place the actors and show them all, as large as the canvas allows. Done
  // again whenever the canvas changes size (story opened, panels hidden,
  // fullscreen).
  function placeAndFit() {
    const width = container.clientWidth;
    const height = container.clientHeight;
    if (network === null || !data.nodes.length || !width || !height) return; // nothing to show
    if (placedByPrint(width, height)) return;
    const fit = fitting(width, height);
    let relabel = false;
    if (fit.x !== stretched.x || fit.y !== stretched.y) {
      stretched.x = fit.x;
      stretched.y = fit.y;
      nodes.update(data.nodes.map((a) => ({ id: a.id, x: a.x * fit.x, y: a.y * fit.y })));
      curves.clear();
      relabel = true;
    }
    const centre = { x: (fit.box.left + fit.box.right) / 2, y: (fit.box.top + fit.box.bottom) / 2 };
    network.moveTo({ position: centre, scale: fit.scale, animation: false });
    if (Math.abs(Math.log(fit.scale / linesScale)) > 0.1) styleLines(fit.scale);
    const seen = partOf({ position: centre, scale: fit.scale, width: width, height: height });
    if (seen.left !== view.left || seen.top !== view.top || seen.right !== view.right) relabel = true;
    view = seen;
    const wanted = parseFloat(getComputedStyle(container).getPropertyValue("--label-px")) || 0;
    const auto = Math.max(1, wanted / (data.label_size * fit.scale));
    if (auto !== autoLabels || relabel) {
      autoLabels = auto;
      draw(shownNow, litNow);
    }
    // A panel opening beside an actor just found keeps it in view.
    if (focusedOn !== null && focusedOn === app.state.selected) focus(focusedOn);
  }

  // The whole network, whatever was zoomed in on.
  function fitWhole() {
    focusedOn = null;
    placedFor = null;
    placeAndFit();
  }

  // The canvas follows its container at once (vis-network itself checks
  // every second); a new size places the actors again (see "resize" below).
  function resize() {
    if (network === null) return;
    const canvas = network.canvas.frame;
    const width = container.clientWidth;
    const height = container.clientHeight;
    // Hidden (the table shown) or unchanged: redrawing thousands of lines for nothing takes seconds.
    if (!width || !height || (canvas.clientWidth === width && canvas.clientHeight === height)) return;
    network.setSize("100%", "100%");
  }

  /**
   * Zoom in (factor > 1) or out around the middle of the view.
   * @param {number} factor
   */
  function zoomBy(factor) {
    if (network === null) return;
    focusedOn = null; // the reader moves the view: leave it to them
    network.moveTo({ scale: network.getScale() * factor, animation: false });
  }

  /**
   * Move the view by a share of the canvas's width and height.
   * @param {number} across
   * @param {number} down
   */
  function panBy(across, down) {
    if (network === null) return;
    focusedOn = null;
    const scale = network.getScale();
    const at = network.getViewPosition();
    const position = {
      x: at.x + (across * container.clientWidth) / scale,
      y: at.y + (down * container.clientHeight) / scale,
    };
    network.moveTo({ position: position, animation: false });
  }

  /**
   * Show an actor with the actors it has relations with at the date shown,
   * shapes and names whole, as large as the canvas allows: never smaller
   * than the whole network, nor, for an actor alone, larger than the
   * layout's own size (names at the layout's font size).
   * @param {string} id
   */
  function focus(id) {
    if (network === null) return;
    focusedOn = id;
    const around = new Set([id]);
    shownNow.forEach((number) => {
      const relation = /** @type {SceneEdge} */ (model.relations.get(number));
      if (relation.from === id) around.add(relation.to);
      if (relation.to === id) around.add(relation.from);
    });
    const k = labelFactor();
    const box = union(
      data.nodes
        .filter((a) => around.has(a.id))
        .flatMap((a) => [shapeBox(a, position(a)), labelPlaces(a, position(a), k)[0].box])
    );
    const width = Math.max(container.clientWidth - 2 * FIT_MARGIN_PX, 1);
    const height = Math.max(container.clientHeight - 2 * FIT_MARGIN_PX, 1);
    const whole = fitting(container.clientWidth, container.clientHeight).scale;
    const neighbourhood = Math.min(width / (box.right - box.left), height / (box.bottom - box.top));
    network.moveTo({
      position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
      scale: Math.max(whole, Math.min(neighbourhood, Math.max(whole, 1))),
      animation: false,
    });
    if (large) restyle();
  }

  // ------------------------------------------------------------- printing
  //
  // Print CSS gives the canvas another size, so printing draws the network
  // again: in main.js's handler of the print media query, which the browser
  // runs once the page is laid out for paper and before it prints it (no
  // frame comes in between, so vis-network's own resize would come too
  // late). A zoomed view prints the same part of the network: the same
  // centre, at the scale at which the part seen on screen fits the printed
  // canvas. The whole network prints fitted to the paper's canvas. After
  // printing, the reader's view comes back exactly, and the resizes that
  // follow (vis-network's, then placeAndFit) leave it be.

  /**
   * A view: its centre and scale, and the canvas's size in CSS pixels.
   * @typedef {{position: vis.Point, scale: number, width: number, height: number}} View
   */
  /** @type {View | null} */
  let screenView = null; // the reader's view, kept while the page prints
  let printing = false;
  /** @type {string[] | null} */
  let printedActors = null; // the actors in the printed part; null: the whole network
  /** @type {{width: number, height: number} | null} */
  let placedFor = null; // the canvas size printing last placed the view for
  /** @type {View | null} */
  let printedView = null; // the zoomed view last printed, for tests; null: the whole network

  /**
   * The view on a canvas of width x height CSS pixels (vis-network keeps
   * the view's translation from the canvas's top left corner).
   * @param {number} width
   * @param {number} height
   * @returns {View}
   */
  function viewOn(width, height) {
    const drawing = /** @type {vis.Network} */ (network);
    const position = drawing.DOMtoCanvas({ x: width / 2, y: height / 2 });
    return { position: position, scale: drawing.getScale(), width: width, height: height };
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

  /** The actors drawn (not hidden by the filters or the date), by id. */
  function drawnActors() {
    const body = /** @type {vis.Network} */ (network).body.nodes;
    return data.nodes.map((a) => a.id).filter((id) => !body[id].options.hidden);
  }

  /**
   * The drawn actors whose points a view shows, the nearest to its centre first.
   * @param {View} seen
   * @returns {string[]}
   */
  function actorsIn(seen) {
    const body = /** @type {vis.Network} */ (network).body.nodes;
    const part = partOf(seen);
    /** @param {string} id */
    const away = (id) => Math.hypot(body[id].x - seen.position.x, body[id].y - seen.position.y);
    /** @param {string} id */
    const inside = (id) => {
      const node = body[id];
      return node.x >= part.left && node.x <= part.right && node.y >= part.top && node.y <= part.bottom;
    };
    return drawnActors()
      .filter(inside)
      .sort((a, b) => away(a) - away(b) || compareText(a, b));
  }

  // The reader's view, before the page is laid out for paper (beforeprint):
  // that of the canvas as last drawn.
  function keepView() {
    if (network === null || printing || screenView !== null) return;
    const canvas = network.canvas.frame.canvas;
    const ratio = network.canvas.pixelRatio;
    screenView = viewOn(canvas.width / ratio, canvas.height / ratio);
  }

  /**
   * Where no beforeprint came (print media emulated): the view just before
   * vis-network resized the canvas for print.
   * @param {vis.ResizeEvent} event
   */
  function keepViewBeforeResize(event) {
    if (network === null || printing || screenView !== null || !window.matchMedia("print").matches) return;
    screenView = viewOn(event.oldWidth, event.oldHeight);
  }

  // The whole network, fitted to the canvas (and its stretch to the canvas's shape).
  function fitForPrint() {
    const focused = focusedOn;
    focusedOn = null;
    placedFor = null;
    placeAndFit();
    focusedOn = focused;
  }

  /**
   * Draw the network for the printed page, on the canvas's printed size.
   * @returns {string[] | null} the actors in the printed part, the nearest
   *   to its centre first; null when it is the whole network
   */
  function printStarted() {
    if (network === null || printing) return printedActors;
    keepView();
    printing = true;
    network.setSize("100%", "100%"); // the printed size now, not at vis-network's next check
    const width = container.clientWidth;
    const height = container.clientHeight;
    const kept = screenView;
    const whole = kept === null || !kept.width || !kept.height || !width || !height;
    if (whole || actorsIn(/** @type {View} */ (kept)).length === drawnActors().length) {
      printedActors = null;
      printedView = null;
      fitForPrint();
    } else {
      // The part seen on screen, whole, on the printed canvas; the actors and
      // their names where the screen has them (placed for the fitted view).
      const scale = kept.scale * Math.min(width / kept.width, height / kept.height);
      network.moveTo({ position: kept.position, scale: scale, animation: false });
      printedView = { position: kept.position, scale: scale, width: width, height: height };
      printedActors = actorsIn(printedView);
    }
    placedFor = { width: width, height: height };
    network.redraw();
    return printedActors;
  }

  // Back on screen: the screen's canvas size and the reader's view, exactly.
  function printEnded() {
    const kept = screenView;
    screenView = null;
    if (network === null || !printing) return; // the browser did not lay the page out for paper
    printing = false;
    network.setSize("100%", "100%");
    if (printedActors === null) fitForPrint(); // the stretch as the screen's canvas wants it
    if (kept !== null && kept.width && kept.height) {
      network.moveTo({ position: kept.position, scale: kept.scale, animation: false });
    }
    placedFor = { width: container.clientWidth, height: container.clientHeight };
  }

  /**
   * Whether the view on a canvas of this size is the one printing placed:
   * a resize on the way to or back from paper changes nothing then.
   * @param {number} width
   * @param {number} height
   */
  function placedByPrint(width, height) {
    if (placedFor !== null && placedFor.width === width && placedFor.height === height) return true;
    placedFor = null;
    return false;
  }

  // ------------------------------------------------ what the pointer is on
  //
  // Our own card and our own hit test rather than vis-network's: vis picks
  // curved relations by rough bounds, so near parallel curves it named the
  // neighbouring relation or none. The relation under the pointer is the
  // drawn line nearest to it (each curve sampled at CURVE_SAMPLES points),
  // within a few pixels; an actor under the pointer comes first. On a touch
  // screen a tap shows the card, and a tap elsewhere closes it.

  const CURVE_SAMPLES = 24;
  const REACH_PX = 8; // how far from a line, beyond its half width, the pointer still picks it
  const hoverCard = byId("hover-card");
  /** @type {Map<number, {points: vis.Point[], left: number, top: number, right: number, bottom: number}>} */
  const curves = new Map(); // drawn curves in canvas units; cleared when actors move
  /** @type {number | null} */
  let hovered = null; // the relation highlighted
  let pinned = false; // the card stays until a tap or a click elsewhere (touch screens)
  let touching = false; // the last pointer was a finger or a pen

  /** @param {number} id */
  function curve(id) {
    let sampled = curves.get(id);
    if (sampled === undefined) {
      const line = /** @type {vis.Network} */ (network).body.edges[id].edgeType;
      const points = [];
      for (let step = 0; step <= CURVE_SAMPLES; step += 1) points.push(line.getPoint(step / CURVE_SAMPLES));
      sampled = {
        points: points,
        left: Math.min(...points.map((p) => p.x)),
        right: Math.max(...points.map((p) => p.x)),
        top: Math.min(...points.map((p) => p.y)),
        bottom: Math.max(...points.map((p) => p.y)),
      };
      curves.set(id, sampled);
    }
    return sampled;
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
   * The drawn relation nearest to a point of the canvas, if one is near enough.
   * @param {vis.Point} point in canvas units
   * @returns {number | null}
   */
  function relationAt(point) {
    if (network === null) return null;
    const scale = network.getScale();
    let best = null;
    let nearest = Infinity;
    linesNow.forEach((id) => {
      const relation = /** @type {SceneEdge} */ (model.relations.get(id));
      const reach = (REACH_PX + (relation.width * edgeScale) / 2) / scale;
      const line = curve(id);
      if (
        point.x < line.left - reach ||
        point.x > line.right + reach ||
        point.y < line.top - reach ||
        point.y > line.bottom + reach
      ) {
        return;
      }
      for (let i = 1; i < line.points.length; i += 1) {
        const distance = toSegment(point, line.points[i - 1], line.points[i]);
        if (distance <= reach && distance < nearest) {
          nearest = distance;
          best = id;
        }
      }
    });
    return best;
  }

  /**
   * @param {HTMLElement} content
   * @param {vis.Point} at the pointer, in pixels of the canvas
   */
  function showCard(content, at) {
    hoverCard.replaceChildren(content);
    hoverCard.hidden = false;
    const left = Math.min(at.x + 12, container.clientWidth - hoverCard.offsetWidth - 4);
    const below = at.y + 16 + hoverCard.offsetHeight <= container.clientHeight;
    hoverCard.style.left = Math.max(left, 4) + "px";
    hoverCard.style.top = Math.max(below ? at.y + 16 : at.y - 12 - hoverCard.offsetHeight, 4) + "px";
  }

  /** @param {number | null} id */
  function highlight(id) {
    if (id === hovered) return;
    hovered = id;
    if (network !== null) network.redraw();
  }

  function hideCard() {
    pinned = false;
    hoverCard.hidden = true;
    highlight(null);
  }

  /**
   * Show what is at a point of the canvas: an actor, a relation, or nothing.
   * @param {vis.Point} at in pixels of the canvas
   * @returns {boolean} whether something was there
   */
  function showAt(at) {
    if (network === null) return false;
    const node = network.getNodeAt(at);
    const actor = node === undefined ? undefined : model.actors.get(node);
    if (actor !== undefined) {
      highlight(null);
      showCard(actorCard(app, actor), at);
      return true;
    }
    const id = relationAt(network.DOMtoCanvas(at));
    if (id === null) {
      hoverCard.hidden = true;
      highlight(null);
      return false;
    }
    highlight(id);
    showCard(lineCard(app, /** @type {SceneEdge[]} */ (model.lines.get(id)), shownNow), at);
    return true;
  }

  /** @param {PointerEvent} event */
  function pointerAt(event) {
    const frame = container.getBoundingClientRect();
    return { x: event.clientX - frame.left, y: event.clientY - frame.top };
  }

  function wirePointer() {
    container.addEventListener("pointerdown", (event) => {
      touching = event.pointerType !== "mouse";
    });
    container.addEventListener("pointermove", (event) => {
      if (event.pointerType !== "mouse" || event.buttons || pinned) return;
      showAt(pointerAt(event));
    });
    container.addEventListener("pointerleave", (event) => {
      if (event.pointerType === "mouse" && !pinned) hideCard();
    });
  }

  /**
   * A click or a tap: on an actor, select it; on a relation, a tap shows
   * its card until the next tap; elsewhere, close the card and the panel.
   * @param {vis.PointerEvent} event
   */
  function clicked(event) {
    if (event.nodes.length) {
      hideCard();
      app.select(event.nodes[0]);
      return;
    }
    const id = relationAt(event.pointer.canvas);
    if (id !== null) {
      pinned = false;
      showAt(event.pointer.DOM);
      pinned = touching;
      return;
    }
    hideCard();
    app.select(null);
  }

  /**
   * The hovered relation drawn again on top, with a halo.
   * @param {CanvasRenderingContext2D} context in canvas units
   */
  function drawHighlight(context) {
    if (hovered === null || network === null || !linesNow.has(hovered)) return;
    const relation = /** @type {SceneEdge} */ (model.relations.get(hovered));
    const points = curve(hovered).points;
    context.save();
    context.strokeStyle = "rgba(0, 114, 178, 0.55)";
    context.lineCap = "round";
    context.lineJoin = "round";
    context.lineWidth = (relation.width * edgeScale + 8) / network.getScale();
    context.beginPath();
    context.moveTo(points[0].x, points[0].y);
    points.slice(1).forEach((p) => context.lineTo(p.x, p.y));
    context.stroke();
    context.restore();
  }

  /**
   * Close the card a tap left open.
   * @returns {boolean} whether one was open
   */
  function closeCard() {
    if (hoverCard.hidden) return false;
    hideCard();
    return true;
  }

  /**
   * Where a line's curve passes between its two ends: vis-network's curvedCW
   * control point for its roundness, or null for a straight line.
   * @param {SceneEdge} line
   * @param {vis.Point} from
   * @param {vis.Point} to
   * @returns {vis.Point | null}
   */
  function via(line, from, to) {
    if (line.roundness === null) return null;
    const dx = to.x - from.x;
    const dy = from.y - to.y;
    const reach = (0.5 * line.roundness + 0.5) * Math.hypot(dx, dy);
    const angle = (Math.atan2(dy, dx) + (0.5 * line.roundness + 0.5) * Math.PI) % (2 * Math.PI);
    return { x: from.x + reach * Math.sin(angle), y: from.y + reach * Math.cos(angle) };
  }

  /**
   * The lines, when the page draws them: one path stroked per look (colour,
   * brightness, width, dashes), then the arrow heads of each look, solid
   * chevrons stroked at once (filling thousands of triangles took seconds).
   * @param {CanvasRenderingContext2D} context in canvas units
   */
  function drawLines(context) {
    if (network === null) return;
    const at = network.body.nodes;
    /** @type {Map<string, SceneEdge[]>} */
    const looks = new Map();
    linesNow.forEach((id) => {
      const line = /** @type {SceneEdge} */ (model.relations.get(id));
      const key = line.colour + " " + line.opacity * (dims.get(id) || 1) + " " + line.width + " " + line.dashes;
      const same = looks.get(key);
      if (same) same.push(line);
      else looks.set(key, [line]);
    });
    context.save();
    looks.forEach((same) => {
      const first = same[0];
      const style = lineStyle(first, linesScale);
      context.strokeStyle = first.colour;
      context.globalAlpha = first.opacity * (dims.get(first.id) || 1);
      context.lineWidth = style.width;
      context.setLineDash(style.dashes || []);
      const heads = new Path2D();
      context.beginPath();
      same.forEach((line) => {
        const from = at[line.from];
        const to = at[line.to];
        const bend = via(line, from, to);
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

  // Draw the network once the page around it is built, so that the first
  // picture is fitted to the canvas's final size.
  function start() {
    const classroom = document.body.classList.contains("preset-classroom");
    // Lines styled for the zoom of the first picture before vis-network takes
    // them: restyling thousands of relations it holds takes a second.
    if (container.clientWidth && container.clientHeight) {
      styleLines(fitting(container.clientWidth, container.clientHeight).scale);
    }
    const drawing = new vis.Network(
      container,
      { nodes: nodes, edges: edges },
      {
        autoResize: true,
        physics: { enabled: false },
        layout: { improvedLayout: false },
        interaction: { hover: true, tooltipDelay: 120, keyboard: false, multiselect: false },
        nodes: {
          borderWidth: classroom ? 3 : 2,
          borderWidthSelected: classroom ? 5 : 4,
          // In canvas units, as positions and radii: labels zoom with the drawing.
          font: {
            size: data.label_size,
            face: pageStyle.fontFamily,
            color: "#000000",
            strokeWidth: data.label_size / 3,
            strokeColor: "#ffffff",
          },
          // Bold would widen a hovered or selected label beyond the room the layout kept.
          labelHighlightBold: false,
          scaling: { label: { enabled: false, maxVisible: 200, drawThreshold: 4 } },
        },
        // The relation under the pointer is highlighted by drawHighlight, not by vis-network.
        edges: { chosen: false, arrowStrikethrough: false },
      }
    );
    network = drawing;
    placeAndFit();
    wirePointer();
    drawing.on("dragStart", () => {
      hideCard();
      focusedOn = null; // the reader moves the view or an actor: leave the view to them
    });
    drawing.on("zoom", () => {
      hideCard();
      focusedOn = null;
      if (large) rename();
    });
    if (large) drawing.on("dragEnd", rename);
    drawing.on("click", clicked);
    drawing.on("afterDrawing", drawHighlight);
    if (batched) drawing.on("beforeDrawing", drawLines);
    // Positions the reader sets by dragging stay put (see fitting).
    drawing.on("dragEnd", (event) => {
      if (!event.nodes.length) return;
      const positions = drawing.getPositions(event.nodes);
      event.nodes.forEach((id) => app.state.moved.set(id, positions[id]));
      curves.clear();
      drawn.clear(); // labels are placed again around the new positions
      draw(shownNow, litNow);
    });
    // After vis-network's own handling of the new size, which keeps the old zoom.
    drawing.on("resize", () => requestAnimationFrame(placeAndFit));
    drawing.on("resize", keepViewBeforeResize);
    return drawing;
  }

  return {
    nodes: nodes,
    edges: edges,
    draw: draw,
    /** The labels' size in CSS pixels at the current zoom. */
    labelPx: () => (network === null ? 0 : data.label_size * labelFactor() * network.getScale()),
    focus: focus,
    resize: resize,
    start: start,
    closeCard: closeCard,
    fit: fitWhole,
    zoomBy: zoomBy,
    panBy: panBy,
    keepView: keepView,
    printStarted: printStarted,
    printEnded: printEnded,
    /** The zoomed view last printed (centre, scale, canvas size), or null for the whole network. */
    printed: () => printedView,
    /**
     * The relations drawn, each as [from, to, key]: the shown members of every line not hidden.
     * @returns {Array<[string, string, string | number]>}
     */
    visibleRelations: () =>
      edges
        .get({ filter: (edge) => (batched ? linesNow.has(Number(edge.id)) : !edge.hidden) })
        .flatMap((edge) => /** @type {SceneEdge[]} */ (model.lines.get(Number(edge.id))))
        .filter((relation) => shownNow.has(relation.id))
        .map((relation) => [relation.from, relation.to, relation.key]),
    /** The line highlighted under the pointer (its id), or null. */
    highlighted: () => hovered,
    /**
     * The relation a pointer at (x, y), in pixels of the canvas, would pick.
     * @param {number} x
     * @param {number} y
     */
    relationAt: (x, y) => (network === null ? null : relationAt(network.DOMtoCanvas({ x: x, y: y }))),
  };
}
