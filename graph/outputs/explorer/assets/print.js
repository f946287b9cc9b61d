// @ts-check
// Printing the network view.
//
// Print CSS gives the canvas another size, so printing draws the network
// again: in main.js's handler of the print media query, which the browser
// runs once the page is laid out for paper and before it prints it (no
// frame comes in between, so vis-network's own resize would come too
// late). A zoomed view prints the same part of the network: the same
// centre, at the scale at which the part seen on screen fits the printed
// canvas. The whole network prints fitted to the paper's canvas. After
// printing, the reader's view comes back exactly, and the resizes that
// follow (vis-network's, then the network view's placing) leave it be.

/**
 * The printing of a network view.
 * @param {Scene} data
 * @param {HTMLElement} container the network's canvas's container
 * @param {{network: () => vis.Network | null, fitWhole: () => void, relabel: () => void}} view
 *   the drawing (null before it starts), how to fit the whole network to
 *   the canvas as it is now, keeping what the view was focused on, and how
 *   to choose the names again for the part now shown
 */
function networkPrinter(data, container, view) {
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
   * @param {vis.Network} network
   * @param {number} width
   * @param {number} height
   * @returns {View}
   */
  function viewOn(network, width, height) {
    const position = network.DOMtoCanvas({ x: width / 2, y: height / 2 });
    return { position: position, scale: network.getScale(), width: width, height: height };
  }

  /**
   * The actors drawn (not hidden by the filters or the date), by id.
   * @param {vis.Network} network
   */
  function drawnActors(network) {
    const body = network.body.nodes;
    return data.nodes.map((a) => a.id).filter((id) => id in body); // vis-network holds only what is drawn
  }

  /**
   * The drawn actors whose points a view shows, the nearest to its centre first.
   * @param {vis.Network} network
   * @param {View} seen
   * @returns {string[]}
   */
  function actorsIn(network, seen) {
    const body = network.body.nodes;
    const part = partOf(seen);
    /** @param {string} id */
    const away = (id) => Math.hypot(body[id].x - seen.position.x, body[id].y - seen.position.y);
    /** @param {string} id */
    const inside = (id) => {
      const node = body[id];
      return node.x >= part.left && node.x <= part.right && node.y >= part.top && node.y <= part.bottom;
    };
    return drawnActors(network)
      .filter(inside)
      .sort((a, b) => away(a) - away(b) || compareText(a, b));
  }

  // The reader's view, before the page is laid out for paper (beforeprint):
  // that of the canvas as last drawn.
  function keepView() {
    const network = view.network();
    if (network === null || printing || screenView !== null) return;
    const canvas = network.canvas.frame.canvas;
    const ratio = network.canvas.pixelRatio;
    screenView = viewOn(network, canvas.width / ratio, canvas.height / ratio);
  }

  /**
   * Where no beforeprint came (print media emulated): the view just before
   * vis-network resized the canvas for print.
   * @param {vis.ResizeEvent} event
   */
  function keepViewBeforeResize(event) {
    const network = view.network();
    if (network === null || printing || screenView !== null || !window.matchMedia("print").matches) return;
    screenView = viewOn(network, event.oldWidth, event.oldHeight);
  }

  function fitWhole() {
    placedFor = null;
    view.fitWhole();
  }

  /**
   * Draw the network for the printed page, on the canvas's printed size.
   * @returns {string[] | null} the actors in the printed part, the nearest
   *   to its centre first; null when it is the whole network
   */
  function printStarted() {
    const network = view.network();
    if (network === null || printing) return printedActors;
    keepView();
    printing = true;
    network.setSize("100%", "100%"); // the printed size now, not at vis-network's next check
    const width = container.clientWidth;
    const height = container.clientHeight;
    const kept = screenView;
    const whole = kept === null || !kept.width || !kept.height || !width || !height;
    if (whole || actorsIn(network, /** @type {View} */ (kept)).length === drawnActors(network).length) {
      printedActors = null;
      printedView = null;
      fitWhole();
    } else {
      // The part seen on screen, whole, on the printed canvas; the actors and
      // their names where the screen has them (placed for the fitted view).
      const scale = kept.scale * Math.min(width / kept.width, height / kept.height);
      network.moveTo({ position: kept.position, scale: scale, animation: false });
      printedView = { position: kept.position, scale: scale, width: width, height: height };
      printedActors = actorsIn(network, printedView);
    }
    placedFor = { width: width, height: height };
    view.relabel(); // the names the printed part holds whole
    network.redraw();
    return printedActors;
  }

  // Back on screen: the screen's canvas size and the reader's view, exactly.
  function printEnded() {
    const kept = screenView;
    screenView = null;
    const network = view.network();
    if (network === null || !printing) return; // the browser did not lay the page out for paper
    printing = false;
    network.setSize("100%", "100%");
    if (printedActors === null) fitWhole(); // the stretch as the screen's canvas wants it
    if (kept !== null && kept.width && kept.height) {
      network.moveTo({ position: kept.position, scale: kept.scale, animation: false });
    }
    placedFor = { width: container.clientWidth, height: container.clientHeight };
    view.relabel();
  }

  return {
    keepView: keepView,
    keepViewBeforeResize: keepViewBeforeResize,
    printStarted: printStarted,
    printEnded: printEnded,
    /**
     * Whether the view on a canvas of this size is the one printing placed:
     * a resize on the way to or back from paper changes nothing then.
     * @param {number} width
     * @param {number} height
     */
    placedByPrint: (width, height) => {
      if (placedFor !== null && placedFor.width === width && placedFor.height === height) return true;
      placedFor = null;
      return false;
    },
    /** The view is placed anew (the whole network asked for): a resize places it. */
    forget: () => {
      placedFor = null;
    },
    /** The zoomed view last printed (centre, scale, canvas size), or null for the whole network. */
    printed: () => printedView,
  };
}
