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
// apart keeps every label clear.

const DIMMED = 0.12; // opacity of what is not lit
const MAX_STRETCH = 1.5;
const FIT_MARGIN_PX = 12;

/**
 * @param {App} app
 */
function networkView(app) {
  const model = app.model;
  const data = model.data;
  const relations = data.edges;
  const container = byId("network");
  const pageStyle = getComputedStyle(document.body);
  const edgeScale = lineScale();
  const large = data.nodes.length > data.labelled_up_to;
  const stretched = { x: 1, y: 1 }; // the stretch the actors are drawn with
  let linesScale = 1; // the zoom at which relation lines have their style's widths
  /** @type {vis.Network | null} */
  let network = null; // created once the page around it is built

  // The box around every actor with positions stretched by (stretchX, stretchY).
  /**
   * @param {number} stretchX
   * @param {number} stretchY
   */
  function drawingBox(stretchX, stretchY) {
    const around = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    data.nodes.forEach((a) => {
      around.left = Math.min(around.left, a.x * stretchX + a.box.left);
      around.right = Math.max(around.right, a.x * stretchX + a.box.right);
      around.top = Math.min(around.top, a.y * stretchY + a.box.top);
      around.bottom = Math.max(around.bottom, a.y * stretchY + a.box.bottom);
    });
    return around;
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
   * are not stretched: moving them all would take seconds.
   * @param {number} width
   * @param {number} height
   */
  function fitting(width, height) {
    let x = 1;
    let y = 1;
    if (!large) {
      const drawn = drawingBox(1, 1);
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
    const box = drawingBox(x, y);
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
    edges.update(relations.map((relation) => ({ id: relation.id, ...lineStyle(relation, scale) })));
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
      label: actor.name,
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
    relations.map((relation) => ({
      id: relation.id,
      from: relation.from,
      to: relation.to,
      key: relation.key,
      arrows: { to: { enabled: true, scaleFactor: 0.8 } },
      ...lineStyle(relation, 1),
      color: edgeColour(relation, 1),
      smooth:
        relation.roundness === null
          ? { enabled: false }
          : { enabled: true, type: "curvedCW", roundness: relation.roundness },
    }))
  );

  // Show, hide and dim actors and relations; only what changed is sent to vis-network.
  /** @type {Map<string, string>} */
  const drawn = new Map();

  /**
   * @param {Set<number>} shown
   * @param {{actors: Set<string>, relations: Set<number>} | null} lit
   */
  function draw(shown, lit) {
    const off = app.state.off;
    /** @type {Array<Partial<vis.NodeItem> & {id: string}>} */
    const nodeChanges = [];
    data.nodes.forEach((actor) => {
      const hidden = off.camp.has(actor.camp);
      const opacity = lit && !lit.actors.has(actor.id) ? DIMMED : 1;
      const look = "n" + hidden + opacity;
      if (drawn.get("n" + actor.id) !== look) {
        drawn.set("n" + actor.id, look);
        const font = { color: opacity === 1 ? "#000000" : "rgba(0, 0, 0, " + DIMMED * 2 + ")" };
        nodeChanges.push({ id: actor.id, hidden: hidden, opacity: opacity, font: font });
      }
    });
    /** @type {Array<Partial<vis.EdgeItem> & {id: number}>} */
    const edgeChanges = [];
    relations.forEach((relation) => {
      const hidden = !shown.has(relation.id);
      const dim = lit && !lit.relations.has(relation.id) ? DIMMED : 1;
      const look = "e" + hidden + dim;
      if (drawn.get("e" + relation.id) !== look) {
        drawn.set("e" + relation.id, look);
        edgeChanges.push({ id: relation.id, hidden: hidden, color: edgeColour(relation, dim) });
      }
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    if (network === null) return;
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
    const fit = fitting(width, height);
    if (fit.x !== stretched.x || fit.y !== stretched.y) {
      stretched.x = fit.x;
      stretched.y = fit.y;
      nodes.update(data.nodes.map((a) => ({ id: a.id, x: a.x * fit.x, y: a.y * fit.y })));
    }
    network.moveTo({
      position: { x: (fit.box.left + fit.box.right) / 2, y: (fit.box.top + fit.box.bottom) / 2 },
      scale: fit.scale,
      animation: false,
    });
    if (Math.abs(Math.log(fit.scale / linesScale)) > 0.1) styleLines(fit.scale);
  }

  // The canvas follows its container at once (vis-network itself checks
  // every second); a new size places the actors again (see "resize" below).
  function resize() {
    if (network !== null) network.setSize("100%", "100%");
  }

  /**
   * Centre the view on an actor, zoomed in at least to the fitted size.
   * @param {string} id
   */
  function focus(id) {
    if (network === null) return;
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
  }

  // Our own hover card rather than vis-network's "title" popups: vis picks the
  // popup's edge by bounding boxes, which near curved, crossing relations can
  // differ from the edge it highlights. The card always shows the hovered one.
  const hoverCard = byId("hover-card");

  /**
   * @param {HTMLElement} content
   * @param {vis.Point} at the pointer, in pixels of the canvas
   */
  function showHoverCard(content, at) {
    hoverCard.replaceChildren(content);
    hoverCard.hidden = false;
    const left = Math.min(at.x + 12, container.clientWidth - hoverCard.offsetWidth - 4);
    const below = at.y + 16 + hoverCard.offsetHeight <= container.clientHeight;
    hoverCard.style.left = Math.max(left, 4) + "px";
    hoverCard.style.top = Math.max(below ? at.y + 16 : at.y - 12 - hoverCard.offsetHeight, 4) + "px";
  }

  function hideHoverCard() {
    hoverCard.hidden = true;
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
        edges: { selectionWidth: 1.5, hoverWidth: 1.5, arrowStrikethrough: false },
      }
    );
    network = drawing;
    placeAndFit();
    drawing.on("hoverNode", (event) => {
      const actor = model.actors.get(/** @type {string} */ (event.node));
      if (actor) showHoverCard(actorCard(app, actor), event.pointer.DOM);
    });
    drawing.on("hoverEdge", (event) => {
      const relation = model.relations.get(/** @type {number} */ (event.edge));
      if (relation) showHoverCard(relationCard(app, relation), event.pointer.DOM);
    });
    drawing.on("blurNode", hideHoverCard);
    drawing.on("blurEdge", hideHoverCard);
    drawing.on("dragStart", hideHoverCard);
    drawing.on("zoom", hideHoverCard);
    drawing.on("click", (event) => {
      if (event.nodes.length) app.select(event.nodes[0]);
      else if (!event.edges.length) app.select(null);
    });
    // After vis-network's own handling of the new size, which keeps the old zoom.
    drawing.on("resize", () => requestAnimationFrame(placeAndFit));
    return drawing;
  }

  return { nodes: nodes, edges: edges, draw: draw, focus: focus, resize: resize, start: start };
}
