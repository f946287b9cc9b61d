// @ts-check
// The explorer's modes, beside the network: balance (balance.js), two dates
// compared (diff.js, the page's graph.diff) and the quiz (quiz.js), one at a time
// (state.views.mode, kept in the link), and the glossary (glossary.js) the
// legend and the quiz open. Each mode has a panel of its own, may colour the
// actors, may ask for actors' names first, and draws on the canvas before
// vis-network ("beforeDrawing"): its highlights lie under the relations,
// the actors and their names, which stay readable, and the network view's
// own drawing is left as it is.

/**
 * @typedef {object} Mode
 * @property {string} name the value of the link's mode parameter
 * @property {HTMLButtonElement | null} toggle its toolbar button, null when the data give none
 * @property {HTMLElement} panel
 * @property {() => void} enter the mode turned on from its button: set the state it starts from
 * @property {(shown: Set<number>) => void} draw fill the panel (the mode on)
 * @property {() => Map<string, string> | null} colours actors' fill colours, null for their camps'
 * @property {(shown: Set<number>) => Set<number>} hide the relations still drawn
 * @property {() => Set<string>} [folded] actors the mode hides (the group view's folded groups)
 * @property {() => void} [leave] take the mode's own items out of the network (the mode off)
 * @property {(id: string) => boolean} [clicked] a node clicked: whether it was the mode's own
 * @property {() => boolean} [leaving] whether the mode may be left now (the group view: not
 *   before its panel has said how much unfolding would draw)
 * @property {() => string[]} named actors whose names the network draws first (none are left out)
 * @property {(context: CanvasRenderingContext2D, drawing: vis.Network) => void} overlay
 *   drawn under the network, in canvas units
 */

/**
 * What a mode may change in the network view.
 * @typedef {object} NetworkItems
 * @property {vis.DataSet<vis.NodeItem>} nodes the actors drawn, and a mode's own nodes
 * @property {vis.DataSet<vis.EdgeItem>} edges the lines drawn, and a mode's own edges
 * @property {(actor: SceneNode) => vis.Point} at where an actor is drawn, in canvas units
 * @property {(boxes: Box[]) => void} cover where the mode writes on the canvas: actors' names keep off it
 */

/**
 * Tools the modes share.
 * @typedef {object} ModeKit
 * @property {App} app
 * @property {NetworkItems} items the network's DataSets (only what is drawn) and where actors are drawn
 * @property {(id: string) => string} name an actor's name
 * @property {(id: string, title: string) => HTMLElement} panel a new panel beside the network
 * @property {(mode: string, text: string) => HTMLButtonElement} toggle a toolbar button for a mode
 * @property {(term: string) => HTMLElement} term a word of the glossary, as a link to it
 * @property {(term: string) => void} explain open the glossary at a word
 * @property {(relation: SceneEdge) => string} sentence "Russia carries out air strikes on …"
 * @property {(relation: SceneEdge) => HTMLElement} quote the relation's quote, date and source
 */

const HALO_PX = 9; // how much wider than its line a highlighted relation's halo is

/**
 * @param {App} app
 * @param {NetworkItems & {paint: (colours: Map<string, string> | null) => void, fill: (id: string) => string}} network
 */
function modesView(app, network) {
  const state = app.state;
  const model = app.model;
  const data = model.data;
  /** @type {vis.Network | null} */
  let drawing = null;
  const toolbar = byId("toolbar");
  const before = byId("legend-toggle");

  /** @type {ModeKit} */
  const kit = {
    app: app,
    items: network,
    name: (id) => {
      const actor = model.actors.get(id);
      return actor ? actor.name : id;
    },
    panel: (id, title) => {
      const section = element("section", null, "mode-panel");
      section.id = id;
      section.hidden = true;
      const heading = element("h2", title);
      heading.id = id + "-title";
      heading.tabIndex = -1;
      section.setAttribute("aria-labelledby", heading.id);
      section.appendChild(heading);
      byId("main").insertBefore(section, byId("sidebar"));
      return section;
    },
    toggle: (mode, text) => {
      const toggle = button(text, () => {
        const was = current(); // left, whichever mode's button this is
        if (was && was.leaving && !was.leaving()) return;
        const on = state.views.mode !== mode;
        state.views.mode = on ? mode : "";
        const chosen = modes.find((m) => m.name === mode);
        if (on && chosen) chosen.enter();
        app.update();
        if (on && chosen) byId(chosen.panel.id + "-title").focus();
      });
      toggle.id = mode + "-toggle";
      toggle.setAttribute("aria-pressed", "false");
      toolbar.insertBefore(toggle, before);
      return toggle;
    },
    term: (term) => glossary.link(term),
    explain: (term) => glossary.open(term),
    sentence: (relation) => kit.name(relation.from) + " " + relation.label + " " + kit.name(relation.to),
    quote: (relation) => {
      const quote = element("span", null, "quote");
      if (relation.evidence) quote.appendChild(element("q", relation.evidence));
      quote.append(" (" + relation.when + (relation.citation ? "; " + relation.citation : "") + ")");
      return quote;
    },
  };
  const glossary = glossaryView(kit);
  /** @type {Mode[]} */
  const modes = [groupsView(kit), balanceView(kit), diffView(kit), quizView(kit)];

  function current() {
    return modes.find((mode) => mode.name === state.views.mode && mode.toggle !== null) || null;
  }

  /** @param {Set<number>} shown */
  function draw(shown) {
    const mode = current();
    modes.forEach((each) => {
      each.panel.hidden = each !== mode;
      if (each.toggle) each.toggle.setAttribute("aria-pressed", String(each === mode));
      if (each !== mode && each.leave) each.leave();
    });
    if (mode) mode.draw(shown);
    network.paint(mode ? mode.colours() : null);
    glossary.draw();
    if (drawing) drawing.redraw();
  }

  return {
    build: glossary.build,
    draw: draw,
    /** The actors whose names the mode on wants drawn first. */
    named: () => {
      const mode = current();
      return new Set(mode ? mode.named() : []);
    },
    /** The actors the mode on hides. */
    folded: () => {
      const mode = current();
      return mode && mode.folded ? mode.folded() : new Set();
    },
    /** @param {Set<number>} shown */
    shown: (shown) => {
      const mode = current();
      return mode ? mode.hide(shown) : shown;
    },
    /** @param {vis.Network} network */
    start: (network) => {
      drawing = network;
      network.on("click", (event) => {
        const mode = current();
        if (event.nodes.length && mode && mode.clicked) mode.clicked(String(event.nodes[0]));
      });
      network.on("beforeDrawing", (context) => {
        const mode = current();
        if (mode) mode.overlay(context, network);
      });
    },
    /** The mode a page opened without a link starts in: above the actors a picture can name, the groups. */
    opening: () => (data.nodes.length > data.labelled_up_to && modes[0].toggle !== null ? modes[0].name : ""),
    /** For tests: the mode on and the colours it gave the actors. */
    inspect: () => ({
      mode: current() === null ? "" : state.views.mode,
      colours: Object.fromEntries(data.nodes.map((a) => [a.id, network.fill(a.id)])),
    }),
  };
}
