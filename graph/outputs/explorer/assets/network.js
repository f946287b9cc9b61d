// @ts-check
// The network view: the actors and relations drawn by vis-network at the
// scene's positions, fitted to the canvas (geometry.js), names given room
// (room.js), lines styled and, for large networks, drawn by the page
// (lines.js), with a card for what the pointer rests on (pointer.js) and a
// view of its own on paper (print.js).
//
// Positions, radii and label sizes come from the scene in one unit (the
// labels' font size), in which no two actors' boxes -- shape and label --
// overlap; vis-network scales all three together, so they overlap at no
// zoom. The layout lies across; on a canvas of another shape, the drawing
// grows along its shorter side, up to MAX_STRETCH times: spreading actors
// apart keeps every label clear. Names larger than the layout's (the
// classroom's back row, A+) need more room than the layout keeps: the actors
// are then moved apart on the canvas until they have it (see "labels").
//
// vis-network holds only what is drawn: an actor or a line leaves its
// DataSets when it is hidden (filters, date, a folded group) and comes back
// when shown, so a folded view of thousands of actors walks only its group
// nodes each frame, and a slider step sends only what changed.
//
// Over 400 lines: the view's state (what is shown, lit, placed, focused) and
// the functions that read and change it; every job that needs none of it
// has a file of its own.

const DIMMED = 0.12; // opacity of what is not lit
const IDLE = 0.3; // opacity of actors with no relation drawn at the date shown (not there yet, or idle)

/**
 * An actor's colours in vis-network, from its fill colour.
 * @param {string} colour
 */
function fillColour(colour) {
  return {
    background: colour,
    border: "#111111",
    highlight: { background: colour, border: "#000000" },
    hover: { background: colour, border: "#000000" },
  };
}

/**
 * @param {App} app
 */
function networkView(app) {
  const model = app.model;
  const data = model.data;
  const relations = data.edges;
  // One drawn line per relation, or per group of relations drawn alike (see the scene's edge.line).
  const batched = relations.filter((relation) => relation.line === relation.id).length >= BATCHED_FROM;
  const container = byId("network");
  const pageStyle = getComputedStyle(document.body);
  const edgeScale = lineScale();
  const large = data.nodes.length > data.labelled_up_to;
  const stretched = { x: 1, y: 1 }; // the stretch the actors are drawn with
  let linesScale = 1; // the zoom at which relation lines have their style's widths
  /** @type {vis.Network | null} */
  let network = null; // created once the page around it is built
  const pointer = pointerCard(app, container, {
    network: () => network,
    lines: () => linesNow,
    shown: () => shownNow,
    edgeScale: edgeScale,
  });
  const printer = networkPrinter(data, container, {
    network: () => network,
    // The whole network, fitted to the canvas (and its stretch to the canvas's shape).
    fitWhole: () => {
      const focused = focusedOn;
      focusedOn = null;
      placeAndFit();
      focusedOn = focused;
    },
    relabel: () => draw(shownNow, litNow),
  });

  /** @type {Map<string, vis.Point>} */
  let placed = new Map(); // where actors were moved to make room for larger names (see "labels")
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
   * The stretch, the box and the zoom that show the whole network as large
   * as a width x height canvas allows. Above labelled_up_to actors the actors
   * are not stretched: moving them all would take seconds; once the reader
   * has dragged actors, the stretch stays as it was and only the zoom follows.
   * @param {number} width
   * @param {number} height
   * @returns {Fit}
   */
  function fitting(width, height) {
    if (!app.state.moved.size) return fitLayout(data.nodes, width, height, !large);
    const box = drawingBox(data.nodes, position);
    return { x: stretched.x, y: stretched.y, box: box, scale: fitScale(box, width, height) };
  }

  /** @param {number} scale */
  function styleLines(scale) {
    linesScale = scale;
    const changes = Array.from(linesNow, (id) => ({ id: id, ...lineStyle(/** @type {SceneEdge} */ (model.relations.get(id)), scale, edgeScale) }));
    if (changes.length) edges.update(changes);
  }

  // Only what is drawn: draw() adds, changes and removes items (see the header).
  /** @type {vis.DataSet<vis.NodeItem>} */
  const nodes = new vis.DataSet([]);
  /** @type {vis.DataSet<vis.EdgeItem>} */
  const edges = new vis.DataSet([]);
  /** @type {Map<string, string>} */
  const fills = new Map(); // actors' fill colours a mode gives them (modes.js); others have their camp's
  /** @type {Box[]} */
  let covers = []; // where a mode writes on the canvas (the group view's names): no actor's name goes there

  /**
   * An actor as vis-network first takes it, where it is drawn.
   * @param {SceneNode} actor
   * @returns {vis.NodeItem}
   */
  function actorItem(actor) {
    return {
      id: actor.id,
      ...position(actor),
      size: actor.size,
      shape: actor.shape,
      color: fillColour(fills.get(actor.id) || actor.colour),
    };
  }

  // Show, hide and dim actors and relations; only what changed is sent to vis-network.
  /** @type {Map<string, string>} */
  const drawn = new Map(); // how each actor ("n" + id) and line ("e" + id) in vis-network looks
  /** @type {Set<number>} */
  let shownNow = new Set(); // the relations drawn
  /** @type {Set<number>} */
  let linesNow = new Set(); // the lines drawn, by id: those in vis-network's edges
  /** @type {Map<number, number>} */
  const dims = new Map(); // how bright each line is drawn, when the page draws them (batched)

  /** @type {{actors: Set<string>, relations: Set<number>} | null} */
  let litNow = null; // the actors and relations kept bright
  /** @type {Set<string>} */
  let firstNow = new Set(); // the actors named first (a mode's)
  /** @type {Set<string>} */
  let foldedNow = new Set(); // the actors a mode hides
  /** @type {string | null} */
  let focusedOn = null; // the actor the view was centred on, kept there when the canvas resizes
  let stepShown = -1; // the story step drawn (-1: none)
  let autoLabels = 1; // how much larger than the layout's labels the preset needs them at this zoom
  /** @type {Box} */
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
  // actor's box at the larger size is clear of the others' (room.js); a label
  // is drawn only where it covers no other drawn label, no actor's shape and
  // not the "Whole network" button, the lit actors' first, then by number of
  // relations: where the view has too little room, the least connected
  // actors' names are the ones left out. Once the reader drags an actor,
  // positions stay put.

  /** The labels' font size over the layout's. */
  function labelFactor() {
    return autoLabels * app.state.labelScale;
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

  /**
   * The part of the drawing on the canvas now, within the fitted view: a
   * zoomed view (a search's neighbourhood, the reader's zoom) leaves out the
   * names it would cut at its edges.
   * @returns {Box}
   */
  function seenPart() {
    if (network === null || !container.clientWidth || !container.clientHeight) return view;
    const seen = partOf({
      position: network.getViewPosition(),
      scale: network.getScale(),
      width: container.clientWidth,
      height: container.clientHeight,
    });
    return {
      left: Math.max(view.left, seen.left),
      right: Math.min(view.right, seen.right),
      top: Math.max(view.top, seen.top),
      bottom: Math.min(view.bottom, seen.bottom),
    };
  }

  // Names chosen again for the part now seen, once a move of the view is over.
  let relabelling = 0;
  function relabelSoon() {
    if (relabelling) return;
    relabelling = requestAnimationFrame(() => {
      relabelling = 0;
      draw(shownNow, litNow);
    });
  }

  /**
   * Move the actors apart for names at factor k in the view, and out from
   * under the "Whole network" button; not above ROOM_UP_TO actors, nor once
   * the reader has dragged actors.
   * @param {number} k
   */
  function arrange(k) {
    if (network === null || large || data.nodes.length > ROOM_UP_TO || app.state.moved.size) return;
    const key = [k, view.left, view.top, view.right, view.bottom, stretched.x, stretched.y, ...firstNow].join(" ");
    if (key === roomFor) return;
    roomFor = key;
    const margin = FIT_MARGIN_PX / network.getScale();
    const inside = { left: view.left + margin, right: view.right - margin, top: view.top + margin, bottom: view.bottom - margin };
    /** @param {SceneNode} a */
    const start = (a) => ({ x: a.x * stretched.x, y: a.y * stretched.y });
    // At the layout's size too: an actor under the "Whole network" button moves out.
    const how = { k: Math.max(k, 1), inside: inside, button: buttonBox() };
    const best = bestRoom(data.nodes, start, how, data, firstNow, (room) =>
      labelled(k, new Set(), (a) => /** @type {vis.Point} */ (room.get(a.id))).size
    );
    placed = best;
    moveDrawn();
    pointer.forgetCurves();
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
    const visible = data.nodes.filter((a) => !hidden.has(a.id));
    /** @type {Map<string, number>} */
    const chosen = new Map();
    if (!app.state.labels) return chosen;
    if (k <= 1 && !large) {
      // The layout keeps these names apart: all of them, but those a zoomed view would cut.
      const part = seenPart();
      const zoomed = part.left > view.left || part.right < view.right || part.top > view.top || part.bottom < view.bottom;
      visible.forEach((a) => {
        const box = labelPlaces(a, at(a), k, data)[0].box;
        const whole = box.left >= part.left && box.right <= part.right && box.top >= part.top && box.bottom <= part.bottom;
        if (!zoomed || whole) chosen.set(a.id, 0);
      });
      return chosen;
    }
    const button = buttonBox();
    const lit = litNow ? litNow.actors : new Set();
    /** @param {SceneNode} a */
    const rank = (a) => 2 * Number(firstNow.has(a.id)) + Number(lit.has(a.id));
    // At scale, the most central actors in the part on screen (names.js); a
    // name may cover a less central actor's small disc (its white halo keeps
    // it legible), else the densest, most central part goes unnamed.
    const tried = large ? centralInView(visible, at, seenPart(), new Set([...firstNow, ...lit]), NAMES_CONSIDERED) : visible;
    const order = tried.sort((a, b) => rank(b) - rank(a) || b.degree - a.degree || compareText(a.id, b.id));
    return chooseLabels(order, at, k, seenPart(), button === null ? covers : [button, ...covers], data, !large);
  }

  /**
   * @param {Set<number>} shown
   * @param {{actors: Set<string>, relations: Set<number>} | null} lit
   * @param {Set<string>} [first] actors named before all others (a mode's: the quiz's pair)
   * @param {Set<string>} [folded] actors a mode hides (the group view's folded groups)
   */
  function draw(shown, lit, first = firstNow, folded = foldedNow) {
    shownNow = shown;
    litNow = lit;
    firstNow = first;
    foldedNow = folded;
    const off = app.state.off;
    const period = app.state.period;
    // Actors out of the filters, or outside their own dates (graph.snapshot), are not drawn.
    const hidden = new Set(
      data.nodes.filter((a) => off.camp.has(a.camp) || folded.has(a.id) || !activeAt(a, period)).map((a) => a.id)
    );
    const k = labelFactor();
    arrange(k);
    const named = labelled(k, hidden);
    const size = data.label_size * k;
    /** @type {Array<Partial<vis.NodeItem> & {id: string}>} */
    const nodeChanges = [];
    /** @type {string[]} */
    const nodesGone = [];
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
      const key = "n" + actor.id;
      if (hidden.has(actor.id)) {
        if (drawn.delete(key)) nodesGone.push(actor.id);
        return;
      }
      const idle = app.state.period !== null && !active.has(actor.id);
      const opacity = lit && !lit.actors.has(actor.id) ? DIMMED : idle ? IDLE : 1;
      const label = named.has(actor.id) ? actor.label : "";
      const shift = named.get(actor.id) || 0; // canvas units, as the font size
      const look = opacity + " " + size + " " + label + " " + shift;
      const before = drawn.get(key);
      if (before === look) return;
      drawn.set(key, look);
      const colour = opacity === 1 ? "#000000" : "rgba(0, 0, 0, " + Math.min(2 * opacity, 0.6) + ")";
      nodeChanges.push({
        ...(before === undefined ? actorItem(actor) : { id: actor.id }),
        opacity: opacity,
        label: label,
        font: { color: colour, size: size, strokeWidth: size / 3, vadjust: shift },
      });
    });
    // The lines with a relation shown, counted from the shown relations alone
    // (a folded view shows few of many).
    /** @type {Map<number, {count: number, bright: boolean}>} */
    const counted = new Map();
    shown.forEach((id) => {
      const line = /** @type {SceneEdge} */ (model.relations.get(id)).line;
      const seen = counted.get(line) || { count: 0, bright: lit === null };
      seen.count += 1;
      seen.bright = seen.bright || /** @type {{relations: Set<number>}} */ (lit).relations.has(id);
      counted.set(line, seen);
    });
    /** @type {number[]} */
    const linesGone = Array.from(linesNow).filter((id) => !counted.has(id));
    linesGone.forEach((id) => {
      drawn.delete("e" + id);
      dims.delete(id);
    });
    linesNow = new Set(counted.keys());
    /** @type {Array<Partial<vis.EdgeItem> & {id: number | string}>} */
    const edgeChanges = [];
    counted.forEach((seen, id) => {
      const line = /** @type {SceneEdge} */ (model.relations.get(id));
      const key = "e" + id;
      const before = drawn.get(key);
      const dim = seen.bright ? 1 : DIMMED;
      // Batched, the page draws the line (dims); vis-network keeps it for its curve.
      const label = batched || /** @type {SceneEdge[]} */ (model.lines.get(id)).length === 1 ? undefined : String(seen.count);
      const look = batched ? "" : dim + " " + label;
      if (batched) dims.set(id, dim);
      if (before === look) return;
      drawn.set(key, look);
      const item = before === undefined ? lineItem(line, batched, edgeScale, data.label_size, linesScale) : { id: id };
      edgeChanges.push(batched ? item : { ...item, color: edgeColour(line, dim), label: label });
    });
    if (linesGone.length) edges.remove(linesGone);
    if (nodesGone.length) nodes.remove(nodesGone);
    if (nodeChanges.length) nodes.update(nodeChanges);
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

  // The drawn actors to where they are drawn now (stretch, room for names).
  function moveDrawn() {
    const moves = data.nodes.filter((a) => drawn.has("n" + a.id)).map((a) => ({ id: a.id, ...position(a) }));
    if (moves.length) nodes.update(moves);
  }

  /**
   * Fill the actors with a mode's colours (null: their camps').
   * @param {Map<string, string> | null} colours
   */
  function paint(colours) {
    /** @type {Array<Partial<vis.NodeItem> & {id: string}>} */
    const changes = [];
    data.nodes.forEach((actor) => {
      const colour = (colours && colours.get(actor.id)) || actor.colour;
      if ((fills.get(actor.id) || actor.colour) === colour) return;
      fills.set(actor.id, colour);
      if (drawn.has("n" + actor.id)) changes.push({ id: actor.id, color: fillColour(colour) });
    });
    if (changes.length) nodes.update(changes);
  }

  // Place the actors and show them all, as large as the canvas allows. Done
  // again whenever the canvas changes size (story opened, panels hidden,
  // fullscreen).
  function placeAndFit() {
    const width = container.clientWidth;
    const height = container.clientHeight;
    if (network === null || !data.nodes.length || !width || !height) return; // nothing to show
    if (printer.placedByPrint(width, height)) return;
    const fit = fitting(width, height);
    let relabel = false;
    if (fit.x !== stretched.x || fit.y !== stretched.y) {
      stretched.x = fit.x;
      stretched.y = fit.y;
      moveDrawn();
      pointer.forgetCurves();
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
    printer.forget();
    placeAndFit();
    draw(shownNow, litNow); // every name the whole view has room for, after a zoomed view
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
    relabelSoon();
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
    relabelSoon();
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
        .flatMap((a) => [shapeBox(a, position(a), data), labelPlaces(a, position(a), k, data)[0].box])
    );
    const whole = fitting(container.clientWidth, container.clientHeight).scale;
    const neighbourhood = fitScale(box, container.clientWidth, container.clientHeight);
    network.moveTo({
      position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
      scale: Math.max(whole, Math.min(neighbourhood, Math.max(whole, 1))),
      animation: false,
    });
    if (large) restyle();
    else draw(shownNow, litNow);
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
        // The relation under the pointer is highlighted by pointer.js, not by vis-network.
        edges: { chosen: false, arrowStrikethrough: false },
      }
    );
    network = drawing;
    placeAndFit();
    pointer.wire();
    drawing.on("dragStart", () => {
      pointer.hideCard();
      focusedOn = null; // the reader moves the view or an actor: leave the view to them
    });
    drawing.on("zoom", () => {
      pointer.hideCard();
      focusedOn = null;
      if (large) rename();
      else relabelSoon();
    });
    drawing.on("click", pointer.clicked);
    drawing.on("afterDrawing", pointer.drawHighlight);
    if (batched) {
      drawing.on("beforeDrawing", (context) =>
        drawLines(context, model, { ids: linesNow, dims: dims, at: drawing.body.nodes, scale: linesScale, edgeScale: edgeScale })
      );
    }
    if (large) drawing.on("dragEnd", rename);
    // Positions the reader sets by dragging stay put (see fitting).
    drawing.on("dragEnd", (event) => {
      if (!event.nodes.length) {
        relabelSoon(); // the view moved
        return;
      }
      const positions = drawing.getPositions(event.nodes);
      event.nodes.forEach((id) => app.state.moved.set(id, positions[id]));
      pointer.forgetCurves();
      drawn.forEach((_, key) => drawn.set(key, "")); // labels are placed again around the new positions
      draw(shownNow, litNow);
    });
    // After vis-network's own handling of the new size, which keeps the old zoom.
    drawing.on("resize", () => requestAnimationFrame(placeAndFit));
    drawing.on("resize", printer.keepViewBeforeResize);
    return drawing;
  }

  return {
    nodes: nodes,
    edges: edges,
    at: position,
    paint: paint,
    /**
     * Where a mode writes on the canvas, in canvas units: actors' names are chosen again around it.
     * @param {Box[]} boxes
     */
    cover: (boxes) => {
      if (JSON.stringify(boxes) === JSON.stringify(covers)) return;
      covers = boxes;
      draw(shownNow, litNow);
    },
    /** @param {string} id an actor's fill colour now */
    fill: (id) => fills.get(id) || /** @type {SceneNode} */ (model.actors.get(id)).colour,
    draw: draw,
    /** The labels' size in CSS pixels at the current zoom. */
    labelPx: () => (network === null ? 0 : data.label_size * labelFactor() * network.getScale()),
    focus: focus,
    resize: resize,
    start: start,
    closeCard: pointer.closeCard,
    fit: fitWhole,
    zoomBy: zoomBy,
    panBy: panBy,
    keepView: printer.keepView,
    printStarted: printer.printStarted,
    printEnded: printer.printEnded,
    printed: printer.printed,
    /**
     * The relations drawn, each as [from, to, key]: the shown members of every line not hidden.
     * @returns {Array<[string, string, string | number]>}
     */
    visibleRelations: () =>
      edges
        .get({ filter: (edge) => (batched ? linesNow.has(Number(edge.id)) : !edge.hidden) })
        // A mode's own edges (the group view's) draw no relation.
        .flatMap((edge) => /** @type {SceneEdge[]} */ (model.lines.get(Number(edge.id)) || []))
        .filter((relation) => shownNow.has(relation.id))
        .map((relation) => [relation.from, relation.to, relation.key]),
    highlighted: pointer.highlighted,
    /**
     * The relation a pointer at (x, y), in pixels of the canvas, would pick.
     * @param {number} x
     * @param {number} y
     */
    relationAt: (x, y) => (network === null ? null : pointer.relationAt(network.DOMtoCanvas({ x: x, y: y }))),
  };
}
