// @ts-check
// What the pointer is on: our own card and our own hit test rather than
// vis-network's: vis picks curved relations by rough bounds, so near
// parallel curves it named the neighbouring relation or none. The relation
// under the pointer is the drawn line nearest to it (each curve sampled,
// lines.js's sampleCurve), within a few pixels; an actor under the pointer
// comes first. On a touch screen a tap shows the card, and a tap elsewhere
// closes it.

const REACH_PX = 8; // how far from a line, beyond its half width, the pointer still picks it

/**
 * A sampled curve and the box around it, in canvas units.
 * @typedef {{points: vis.Point[], left: number, top: number, right: number, bottom: number}} Curve
 */

/**
 * The relation line nearest to a point, within its reach.
 * @param {vis.Point} point
 * @param {Iterable<number>} ids the lines drawn
 * @param {(id: number) => Curve} curve each line's sampled curve
 * @param {(id: number) => number} reach how far from each line a point still picks it
 * @returns {number | null}
 */
function nearestLine(point, ids, curve, reach) {
  let best = null;
  let nearest = Infinity;
  for (const id of ids) {
    const within = reach(id);
    const line = curve(id);
    if (
      point.x < line.left - within ||
      point.x > line.right + within ||
      point.y < line.top - within ||
      point.y > line.bottom + within
    ) {
      continue;
    }
    for (let i = 1; i < line.points.length; i += 1) {
      const distance = toSegment(point, line.points[i - 1], line.points[i]);
      if (distance <= within && distance < nearest) {
        nearest = distance;
        best = id;
      }
    }
  }
  return best;
}

/**
 * The card and the hit test of the network view.
 * @param {App} app
 * @param {HTMLElement} container the network's canvas's container
 * @param {{network: () => vis.Network | null, lines: () => Set<number>, shown: () => Set<number>, edgeScale: number}} view
 *   the drawing (null before it starts), the lines and the relations drawn,
 *   and CSS --edge-scale
 */
function pointerCard(app, container, view) {
  const model = app.model;
  const hoverCard = byId("hover-card");
  /** @type {Map<number, Curve>} */
  const curves = new Map(); // drawn curves in canvas units; cleared when actors move
  /** @type {number | null} */
  let hovered = null; // the relation highlighted
  let pinned = false; // the card stays until a tap or a click elsewhere (touch screens)
  let touching = false; // the last pointer was a finger or a pen

  /** @param {number} id */
  function curve(id) {
    let sampled = curves.get(id);
    if (sampled === undefined) {
      const points = sampleCurve(/** @type {vis.Network} */ (view.network()), id);
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
   * The drawn relation nearest to a point of the canvas, if one is near enough.
   * @param {vis.Point} point in canvas units
   * @returns {number | null}
   */
  function relationAt(point) {
    const network = view.network();
    if (network === null) return null;
    const scale = network.getScale();
    /** @param {number} id */
    const reach = (id) => (REACH_PX + (/** @type {SceneEdge} */ (model.relations.get(id)).width * view.edgeScale) / 2) / scale;
    return nearestLine(point, view.lines(), curve, reach);
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
    const network = view.network();
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
    const network = view.network();
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
    showCard(lineCard(app, /** @type {SceneEdge[]} */ (model.lines.get(id)), view.shown()), at);
    return true;
  }

  /** @param {PointerEvent} event */
  function pointerAt(event) {
    const frame = container.getBoundingClientRect();
    return { x: event.clientX - frame.left, y: event.clientY - frame.top };
  }

  function wire() {
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
      // A mode's own node (a folded group) is the mode's to handle.
      if (model.actors.has(event.nodes[0])) app.select(event.nodes[0]);
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
    const network = view.network();
    if (hovered === null || network === null || !view.lines().has(hovered)) return;
    const relation = /** @type {SceneEdge} */ (model.relations.get(hovered));
    strokeRelation(context, network, hovered, { colour: "rgba(0, 114, 178, 0.55)", px: relation.width * view.edgeScale + 8 });
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

  return {
    wire: wire,
    clicked: clicked,
    drawHighlight: drawHighlight,
    hideCard: hideCard,
    closeCard: closeCard,
    relationAt: relationAt,
    /** Forget the sampled curves: the actors moved. */
    forgetCurves: () => curves.clear(),
    /** The line highlighted under the pointer (its id), or null. */
    highlighted: () => hovered,
  };
}
