// @ts-check
// The explorer's state: everything the reader can change lives in one State
// object, and the views draw from it (never from the DOM). Also what follows
// from the state -- the relations shown and the actors lit -- and the scene
// indexed for lookups.
//
// Over 400 lines: the state, what follows from it, its link (toFragment,
// fromFragment) and its summaries in words (viewInWords, zoomInWords,
// sourceInWords, with counted and listInWords): each reads the state.
//
// Time rule, the one of graph.snapshot: a relation is shown at a period
// [first, last] of ISO days when
//   (active_from is null or active_from <= last) and
//   (active_to is null or active_to >= first).
// Python has expanded partial dates already: active_from is the first day of
// the relation's start ("2015" -> 2015-01-01), active_to the last day of its
// end ("2016-12" -> 2016-12-31); null means open. ISO days compare as text.

/** @typedef {"type" | "sign" | "camp" | "confidence"} FilterGroup */

/** @type {FilterGroup[]} */
const FILTER_GROUPS = ["sign", "confidence", "camp", "type"];

/**
 * Everything the reader can change.
 * @typedef {object} State
 * @property {Record<FilterGroup, Set<string>>} off values switched off in each
 *   filter; a relation passes when none of its values is
 * @property {Period | null} period the period shown, null for all dates
 * @property {string | null} selected the actor shown in the panel
 * @property {number} step the story step shown, -1 outside the story
 * @property {boolean} table the table shown instead of the network
 * @property {boolean} tableAll the table lists every relation, not only those the network shows
 * @property {string} tableQuery the table's text filter
 * @property {boolean} panels the side panels open
 * @property {boolean} legend the legend open
 * @property {boolean} playing the time slider playing the months
 * @property {number} labelScale the reader's label size over the preset's (A-, A+)
 * @property {boolean} labels actors' names drawn
 * @property {Map<string, {x: number, y: number}>} moved where the reader dragged
 *   actors, in canvas units: they stay there, and the drawing is no longer
 *   stretched to the canvas's shape (only zoom and pan follow a new size)
 * @property {Set<string>} open the group view's groups shown as their members (groups.js)
 * @property {Record<string, string>} views what the modes show (balance, quiz,
 *   comparison; modes.js), by link parameter (VIEW_PARAMS), "" when unset
 */

/** Link parameters the modes own: mode (balance, compare, quiz), compare (two months), without (what-if). */
const VIEW_PARAMS = ["mode", "compare", "without"];

/**
 * The scene, read-only, indexed for the views.
 * @typedef {object} Model
 * @property {Scene} data
 * @property {Screens} screens the page's screen widths (the payload's, which a page always has)
 * @property {Map<string, SceneNode>} actors by id
 * @property {Map<number, SceneEdge>} relations by id
 * @property {Map<number, SceneEdge[]>} lines the relations drawn as each line, by the line's id
 * @property {Map<number, string>} signNames sign -> its name ("support")
 * @property {Map<string, LegendConfidence>} levels confidence level -> its legend entry
 */

/**
 * @param {Scene} data
 * @returns {Model}
 */
function createModel(data) {
  /** @type {Map<number, SceneEdge[]>} */
  const lines = new Map();
  data.edges.forEach((edge) => {
    const members = lines.get(edge.line);
    if (members) members.push(edge);
    else lines.set(edge.line, [edge]);
  });
  // A line's relations in time order (undated first), as its card and the panel list them.
  lines.forEach((members) =>
    members.sort((a, b) => compareText(a.active_from || "", b.active_from || "") || a.id - b.id)
  );
  return {
    data: data,
    screens: /** @type {Screens} */ (data.screens),
    actors: new Map(data.nodes.map((node) => [node.id, node])),
    relations: new Map(data.edges.map((edge) => [edge.id, edge])),
    lines: lines,
    signNames: new Map(data.legend.signs.map((entry) => [entry.sign, entry.name])),
    levels: new Map(data.legend.confidence.map((entry) => [entry.level, entry])),
  };
}

/**
 * The state a page opens in.
 * @param {Scene} data
 * @param {{panels: boolean, legend: boolean}} options
 * @returns {State}
 */
function createState(data, options) {
  return {
    off: { type: new Set(), sign: new Set(), camp: new Set(), confidence: new Set() },
    period: data.at,
    selected: null,
    step: -1,
    table: false,
    tableAll: false,
    tableQuery: "",
    panels: options.panels,
    legend: options.legend,
    playing: false,
    labelScale: 1,
    labels: true,
    moved: new Map(),
    open: new Set(),
    views: {},
  };
}

/**
 * A sign in words.
 * @param {Model} model
 * @param {number} sign
 * @returns {string}
 */
function signName(model, sign) {
  return model.signNames.get(sign) || String(sign);
}

/**
 * A confidence level with its meaning: "confirmed: reported as fact".
 * @param {Model} model
 * @param {string} level
 * @returns {string}
 */
function confidenceWords(model, level) {
  const entry = model.levels.get(level);
  return entry && entry.meaning !== level ? level + ": " + entry.meaning : level;
}

/**
 * Whether a relation, or an actor with its own dates, is there at a period.
 * @param {{active_from: string | null, active_to: string | null}} relation
 * @param {{first: string, last: string} | null} period
 * @returns {boolean}
 */
function activeAt(relation, period) {
  return (
    period === null ||
    ((relation.active_from === null || relation.active_from <= period.last) &&
      (relation.active_to === null || relation.active_to >= period.first))
  );
}

/**
 * @param {string} a
 * @param {string} b
 * @returns {string} the pair's key, whatever the order ("a|b", a sorting first)
 */
function pairKey(a, b) {
  return a < b ? a + "|" + b : b + "|" + a;
}

/** @typedef {{sign: number, relations: SceneEdge[]}} Tie */

/**
 * The signed ties at a period, by pair (pairKey): graph.signed_graph's tie
 * rule, the page's only copy of it. A tie joins two actors there at the
 * period (the rule of graph.snapshot) with at least one relation that counts
 * in a tie (its strength, which Python gives, is not null). Its sign is that
 * of the sum of its relations' signs times their strengths; when that sum is
 * 0, that of the number of support minus opposition relations; when that is
 * 0 too, opposition (-1).
 * @param {{nodes: SceneNode[], edges: SceneEdge[]}} scene
 * @param {{first: string, last: string} | null} period null for all dates
 * @returns {Map<string, Tie>}
 */
function signedTies(scene, period) {
  const here = new Set(scene.nodes.filter((actor) => activeAt(actor, period)).map((actor) => actor.id));
  /** @type {Map<string, {sum: number, count: number, relations: SceneEdge[]}>} */
  const sums = new Map();
  scene.edges.forEach((relation) => {
    const strength = relation.strength;
    if (strength === null || !here.has(relation.from) || !here.has(relation.to) || !activeAt(relation, period)) return;
    const pair = pairKey(relation.from, relation.to);
    const tie = sums.get(pair) || { sum: 0, count: 0, relations: [] };
    tie.sum += relation.sign * strength;
    tie.count += relation.sign;
    tie.relations.push(relation);
    sums.set(pair, tie);
  });
  return new Map(
    Array.from(sums, ([pair, tie]) => [
      pair,
      { sign: tie.sum > 0 || (tie.sum === 0 && tie.count > 0) ? 1 : -1, relations: tie.relations },
    ])
  );
}

/**
 * Ids of the relations the filters and the date let through.
 * @param {Model} model
 * @param {State} state
 * @param {{first: string, last: string} | null} [period] another date than the state's
 * @returns {Set<number>}
 */
function shownRelations(model, state, period = state.period) {
  const off = state.off;
  // An actor outside its own dates is not there, nor are its relations (graph.snapshot).
  /** @param {string} id */
  const away = (id) => {
    const actor = /** @type {SceneNode} */ (model.actors.get(id));
    return off.camp.has(actor.camp) || !activeAt(actor, period);
  };
  const shown = new Set();
  model.data.edges.forEach((relation) => {
    if (
      !off.type.has(relation.type) &&
      !off.sign.has(String(relation.sign)) &&
      !off.confidence.has(relation.confidence) &&
      !away(relation.from) &&
      !away(relation.to) &&
      activeAt(relation, period)
    ) {
      shown.add(relation.id);
    }
  });
  return shown;
}

/**
 * The actors and relations to keep bright, the rest being dimmed: the
 * selected actor and its shown relations, or the story step's actors and the
 * shown relations among them; null for all.
 * @param {Model} model
 * @param {State} state
 * @param {Set<number>} shown
 * @returns {{actors: Set<string>, relations: Set<number>} | null}
 */
function litBy(model, state, shown) {
  if (state.selected === null && state.step < 0) return null;
  // From the relations shown alone: a folded view shows few of many.
  const relations = Array.from(shown, (id) => /** @type {SceneEdge} */ (model.relations.get(id)));
  if (state.selected !== null) {
    const id = state.selected;
    const actors = new Set([id]);
    const lit = new Set();
    relations.forEach((r) => {
      if (r.from === id || r.to === id) {
        lit.add(r.id);
        actors.add(r.from);
        actors.add(r.to);
      }
    });
    return { actors: actors, relations: lit };
  }
  const actors = new Set(model.data.story[state.step].actors);
  const among = relations.filter((r) => actors.has(r.from) && actors.has(r.to));
  return { actors: actors, relations: new Set(among.map((r) => r.id)) };
}

/**
 * What the network shows, in words: its date and the values filtered out.
 * @param {Model} model
 * @param {State} state
 * @returns {string}
 */
function viewInWords(model, state) {
  const parts = [state.period ? "at " + state.period.label : "at all dates"];
  FILTER_GROUPS.forEach((group) => {
    const off = Array.from(state.off[group]).sort();
    if (!off.length) return;
    const names = group === "sign" ? off.map((value) => signName(model, Number(value))) : off;
    parts.push("without " + group + " " + names.join(", "));
  });
  return parts.join("; ");
}

const NAMED_IN_VIEW = 8; // actors a printed zoomed view names; then "and N more"
const SOURCES_NAMED = 3; // sources the printed source line names; then "and N more"

/**
 * The count and the word, plural unless the count is one (graph.words.counted).
 * @param {number} count
 * @param {string} word the singular; its plural adds an "s"
 * @returns {string}
 */
function counted(count, word) {
  // Thousands separated by commas, as graph.core.words.counted writes counts.
  return count.toLocaleString("en-US") + " " + word + (count === 1 ? "" : "s");
}

/**
 * Items as a reader would list them: "A, B and C", or "A, B and 3 more"
 * past the first few.
 * @param {string[]} items
 * @param {number} most
 * @param {string} [separator] between items; "; " for items that hold commas
 * @returns {string}
 */
function listInWords(items, most, separator = ", ") {
  const and = separator.trim() === "," ? " and " : separator + "and ";
  if (items.length > most) return items.slice(0, most).join(separator) + and + (items.length - most) + " more";
  return items.length > 1 ? items.slice(0, -1).join(separator) + and + items[items.length - 1] : items.join("");
}

/**
 * What part of the network a printed page shows, in words.
 * @param {Model} model
 * @param {string[] | null} actors the actors in the printed part, the
 *   nearest to its centre first; null for the whole network
 * @returns {string}
 */
function zoomInWords(model, actors) {
  if (actors === null) return "the whole network";
  if (!actors.length) return "zoomed in on a part with no actor";
  const names = actors.map((id) => /** @type {SceneNode} */ (model.actors.get(id)).name);
  return "zoomed in on the part around " + listInWords(names, NAMED_IN_VIEW);
}

/**
 * The printed page's source line: the dataset's title, the period the page
 * was built for (if any) and the sources its relations cite, the most cited first.
 * @param {Model} model
 * @returns {string}
 */
function sourceInWords(model) {
  const data = model.data;
  /** @type {Map<string, number>} */
  const cited = new Map();
  data.edges.forEach((r) => {
    if (r.citation) cited.set(r.citation, (cited.get(r.citation) || 0) + 1);
  });
  const count = (/** @type {string} */ source) => /** @type {number} */ (cited.get(source));
  const sources = Array.from(cited.keys()).sort((a, b) => count(b) - count(a) || compareText(a, b));
  const citing = sources.reduce((sum, source) => sum + count(source), 0);
  const total = data.edges.length;
  const relations = counted(total, "relation") + (data.period ? " active " + data.period : "");
  let from = "none with a cited source";
  if (citing) {
    const which = citing === total ? (total === 1 ? "citing " : "all citing ") : citing + " citing ";
    const many = sources.length > 1 ? sources.length + " sources: " : "";
    from = which + many + listInWords(sources, SOURCES_NAMED, "; ");
  }
  const title = data.title ? data.title + " — " : "";
  return "Source: " + title + relations + ", " + from + ". The table gives each relation's quote and citation.";
}

// ------------------------------------------------------------ the link
//
// The URL's fragment holds what the reader chose -- date, actor, story step,
// filters, view, the groups open -- so a link opens that very view, from
// file:// too. Values are those of the scene (a month's date, an actor's id,
// a filter's value, a group's name); a value the scene does not have is
// ignored.


/**
 * The fragment for a state, without "#"; empty for the state a page opens in.
 * @param {Model} model
 * @param {State} state
 * @returns {string}
 */
function toFragment(model, state) {
  const params = new URLSearchParams();
  if (state.step >= 0) params.set("step", String(state.step + 1));
  else if (state.period !== model.data.at) params.set("date", state.period ? state.period.date : "all");
  if (state.selected !== null) params.set("actor", state.selected);
  FILTER_GROUPS.forEach((group) =>
    Array.from(state.off[group])
      .sort()
      .forEach((value) => params.append("hide-" + group, value))
  );
  if (state.table) params.set("view", "table");
  Array.from(state.open)
    .sort(compareText)
    .forEach((group) => params.append("open", group));
  VIEW_PARAMS.forEach((name) => {
    if (state.views[name]) params.set(name, state.views[name]);
  });
  return params.toString();
}

/**
 * Set the state from a fragment (with or without "#"); what it lacks is as the page opens.
 * @param {Model} model
 * @param {State} state
 * @param {string} fragment
 */
function fromFragment(model, state, fragment) {
  const data = model.data;
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const step = Number(params.get("step"));
  const date = params.get("date");
  state.step = -1;
  state.period = data.at;
  if (Number.isInteger(step) && step >= 1 && step <= data.story.length) {
    state.step = step - 1;
    state.period = data.story[step - 1];
  } else if (date === "all") state.period = null;
  else if (date !== null) {
    const periods = data.at ? [data.at, ...data.months] : data.months;
    state.period = periods.find((period) => period.date === date) || state.period;
  }
  const actor = params.get("actor");
  state.selected = actor !== null && model.actors.has(actor) ? actor : null;
  if (state.selected !== null) state.panels = true;
  FILTER_GROUPS.forEach((group) => {
    state.off[group] = new Set(params.getAll("hide-" + group));
  });
  state.table = params.get("view") === "table";
  state.open = new Set(params.getAll("open"));
  VIEW_PARAMS.forEach((name) => {
    state.views[name] = params.get(name) || "";
  });
}
