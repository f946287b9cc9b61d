// @ts-check
// The explorer's start: reads the scene embedded in #graph-data, makes the
// state and the views, and wires the keys and the toolbar. Every change goes
// the same way: change the state, then app.update() draws every view from it.

const TEXT_FIELDS = "input[type=search], input[type=text], textarea, [contenteditable]";
// Up to this height (a 1024 x 768 projector), the classroom's legend starts
// closed: every name at the back row's size needs the room.
const SHORT_CLASSROOM_PX = 900;
const LABEL_STEP = 1.25; // A+ makes names this much larger
const LABEL_SCALES = [0.5, 3]; // the reader's smallest and largest names, over the preset's
const ZOOM_STEP = 1.25; // the + key zooms in this much
const PAN = 0.1; // an arrow key moves the view this share of the canvas
const COPY_STATUS_MS = 5000; // how long "Link copied." stays beside the button

/**
 * What the views share: the scene, the state, and the few actions that
 * change the state and draw it.
 * @typedef {object} App
 * @property {Model} model
 * @property {State} state
 * @property {() => void} update draw every view from the state
 * @property {(id: string | null, how?: {centre?: boolean, focusPanel?: boolean}) => void} select
 *   show an actor in the panel (null: none)
 */

/**
 * The day, as the page writes dates ("30 September 2015"): printed pages
 * say when they were printed, filled in at print time, never in the file.
 * @returns {string}
 */
function today() {
  return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/** @param {Scene} data */
function startExplorer(data) {
  const classroom = document.body.classList.contains("preset-classroom");
  // On a projector or a small screen the network gets the whole width; picking
  // an actor or the "Show panels" button opens them.
  const model = createModel(data);
  // Below narrow_px, panels start closed; up to phone_px, the legend too: the network comes first.
  const state = createState(data, {
    panels: !classroom && window.innerWidth >= model.screens.narrow_px,
    legend: window.innerWidth > model.screens.phone_px && !(classroom && window.innerHeight <= SHORT_CLASSROOM_PX),
  });
  // A page built for a period (build --from/--to) says which, beside its title.
  if (data.period) {
    const period = byId("period");
    period.textContent = "Relations active " + data.period;
    period.hidden = false;
  }
  /** @type {App} */
  const app = { model: model, state: state, update: update, select: select };
  const network = networkView(app);
  const panels = panelsView(app);
  const timeline = timelineView(app);
  const table = tableView(app);
  const modes = modesView(app, network);

  /** @type {string[] | null} */
  let printedActors = null; // while printing, the actors in the printed part of a zoomed view
  let shownCount = 0; // relations shown

  // What the printed page shows, in words, above the picture.
  function writePrintNote() {
    byId("print-view").textContent =
      shownCount + " of " + data.edges.length + " relations shown, " + viewInWords(app.model, state) +
      "; " + zoomInWords(app.model, printedActors) + ".";
  }

  function update() {
    const filtered = shownRelations(app.model, state);
    const shown = modes.shown(filtered);
    network.draw(shown, litBy(app.model, state, shown), modes.named(), modes.folded());
    panels.draw(shown);
    timeline.draw(filtered); // what changed at the date, not what a mode folds
    table.draw(shown);
    modes.draw(shown);
    network.resize(); // the canvas follows panels, story and table opening or closing
    buttonById("labels-toggle").setAttribute("aria-pressed", String(state.labels));
    buttonById("labels-smaller").disabled = state.labelScale <= LABEL_SCALES[0];
    buttonById("labels-larger").disabled = state.labelScale >= LABEL_SCALES[1];
    const when = state.period ? state.period.label : "All dates";
    announce(when + ": " + shown.size + " of " + data.edges.length + " relations shown");
    shownCount = shown.size;
    writePrintNote();
    keepInLink();
  }

  // The view in the URL's fragment, replaced rather than added to the history.
  function keepInLink() {
    const fragment = toFragment(app.model, state);
    if (location.hash.replace(/^#/, "") === fragment) return;
    const url = location.href.replace(/#.*$/, "") + (fragment ? "#" + fragment : "");
    try {
      history.replaceState(null, "", url);
    } catch {
      location.replace(url); // where a page may not rewrite its history
    }
  }

  // Copy the link to this view; where the clipboard is out of reach, show it
  // selected. Either way the toolbar says so, beside the button, for a while.
  let copyStatusTimer = 0;
  /** @param {string} text */
  function copyStatus(text) {
    const status = byId("copy-status");
    status.textContent = text;
    window.clearTimeout(copyStatusTimer);
    copyStatusTimer = window.setTimeout(() => (status.textContent = ""), COPY_STATUS_MS);
  }

  function copyLink() {
    keepInLink();
    const link = inputById("link");
    link.value = location.href;
    const showLink = () => {
      link.hidden = false;
      link.select();
      copyStatus("Copy the link from the box.");
    };
    if (!navigator.clipboard) {
      showLink();
      return;
    }
    navigator.clipboard.writeText(location.href).then(() => copyStatus("Link copied."), showLink);
  }

  /**
   * @param {string | null} id
   * @param {{centre?: boolean, focusPanel?: boolean}} [how]
   */
  function select(id, how) {
    state.selected = id;
    if (id !== null) {
      state.panels = true;
      state.table = false;
    }
    update();
    if (id !== null && how && how.centre) network.focus(id);
    if (id !== null && how && how.focusPanel) byId("panel-name").focus();
  }

  function toggleFullscreen() {
    const page = document.documentElement;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else if (page.requestFullscreen) {
      page.requestFullscreen().catch(() => announce("Fullscreen is not available here."));
    } else announce("Fullscreen is not available here.");
  }

  /**
   * Zoom and pan with the keys while the network has the focus.
   * @param {string} key
   * @returns {boolean} whether the key did something
   */
  function onNetworkKey(key) {
    const moves = { ArrowLeft: [-PAN, 0], ArrowRight: [PAN, 0], ArrowUp: [0, -PAN], ArrowDown: [0, PAN] };
    if (key === "+" || key === "=") network.zoomBy(ZOOM_STEP);
    else if (key === "-") network.zoomBy(1 / ZOOM_STEP);
    else if (key === "0") network.fit();
    else if (key in moves) {
      const [across, down] = moves[/** @type {keyof typeof moves} */ (key)];
      network.panBy(across, down);
    } else return false;
    return true;
  }

  /** @param {KeyboardEvent} event */
  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") {
      if (panels.closeSearch() || network.closeCard()) return;
      if (state.selected !== null) {
        const inPanel = byId("panel").contains(document.activeElement);
        select(null);
        network.fit(); // the whole network again, after a search zoomed in
        if (inPanel) panels.focusSearch();
      } else if (state.step >= 0) timeline.closeStory();
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const forward = ["ArrowRight", "PageDown"].includes(event.key);
    const back = ["ArrowLeft", "PageUp"].includes(event.key);
    // In the story, the presenter's clicker (PageDown, PageUp, arrows) always
    // steps it, even when the slider or a button has the focus; only a text
    // field keeps its keys.
    const textField = target !== null && target.closest(TEXT_FIELDS);
    if (state.step >= 0 && (forward || back) && !textField) {
      timeline.step(forward ? 1 : -1);
      event.preventDefault();
      return;
    }
    const typing = target !== null && target.closest("input, textarea, select, [contenteditable]");
    if (typing) return;
    if (target === byId("network-view") && onNetworkKey(event.key)) {
      event.preventDefault();
      return;
    }
    if (event.key === "f" || event.key === "F") toggleFullscreen();
    else if (data.story.length && forward) timeline.step(1);
    else if (data.story.length && back) timeline.step(-1);
    else return;
    event.preventDefault();
  }

  panels.build();
  timeline.build();
  modes.build();
  document.addEventListener("keydown", onKey);
  byId("view-toggle").addEventListener("click", () => {
    state.table = !state.table;
    update();
  });
  byId("panels-toggle").addEventListener("click", () => {
    state.panels = !state.panels;
    update();
  });
  /** @param {number} steps larger (1) or smaller (-1) names */
  const resizeLabels = (steps) => {
    const scale = state.labelScale * Math.pow(LABEL_STEP, steps);
    state.labelScale = Math.min(Math.max(scale, LABEL_SCALES[0]), LABEL_SCALES[1]);
    update();
    announce("Names at " + Math.round(network.labelPx()) + " pixels");
  };
  byId("labels-smaller").addEventListener("click", () => resizeLabels(-1));
  byId("labels-larger").addEventListener("click", () => resizeLabels(1));
  byId("labels-toggle").addEventListener("click", () => {
    state.labels = !state.labels;
    update();
  });
  byId("legend-toggle").addEventListener("click", () => {
    state.legend = !state.legend;
    update();
  });
  byId("fullscreen").addEventListener("click", toggleFullscreen);
  byId("copy-link").addEventListener("click", copyLink);
  byId("fit-view").addEventListener("click", network.fit);
  // Past the controls, to the network (or the table, when shown).
  byId("skip").addEventListener("click", () => byId(state.table ? "table-view" : "network-view").focus());
  // A link opened, or its fragment edited: show that view.
  fromFragment(app.model, state, location.hash);
  if (!location.hash.replace(/^#/, "")) state.views.mode = modes.opening();
  window.addEventListener("hashchange", () => {
    fromFragment(app.model, state, location.hash);
    update();
  });
  byId("panel-close").addEventListener("click", () => {
    select(null);
    panels.focusSearch();
  });
  update();
  const drawing = network.start();
  modes.start(drawing);
  // Printing: the view the reader has, drawn again for the paper (network.js);
  // the print media query's handler runs once the page is laid out for paper.
  const printMedia = window.matchMedia("print");
  const printStarted = () => {
    printedActors = network.printStarted();
    writePrintNote();
    byId("print-source").textContent = sourceInWords(app.model) + " Printed on " + today() + ".";
  };
  const printEnded = () => {
    network.printEnded();
    printedActors = null;
    writePrintNote();
  };
  window.addEventListener("beforeprint", () => {
    table.ready();
    network.keepView();
  });
  printMedia.addEventListener("change", () => (printMedia.matches ? printStarted() : printEnded()));
  // With print media emulated the page stays on paper after printing.
  window.addEventListener("afterprint", () => printMedia.matches || printEnded());
  byId("print-source").textContent = sourceInWords(app.model);
  (window.requestIdleCallback || setTimeout)(table.ready);

  // For tests and for curious readers in the browser console.
  window.explorer = {
    network: drawing,
    nodes: network.nodes,
    edges: network.edges,
    data: data,
    visibleRelations: network.visibleRelations,
    litActors: () =>
      network.nodes.get({ filter: (node) => !node.hidden && node.opacity === 1 }).map((node) => node.id),
    state: () => ({ selected: state.selected, step: state.step, period: state.period }),
    highlighted: network.highlighted,
    labelPx: network.labelPx,
    relationAt: network.relationAt,
    printed: network.printed,
    modes: modes.inspect,
  };
}

// A large network's scene comes compressed, as columns (decode.js): the start waits for it.
embeddedScene(byId("graph-data")).then(
  (scene) => startExplorer(/** @type {Scene} */ (scene)),
  showStartError
);
