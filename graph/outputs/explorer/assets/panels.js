// @ts-check
// The panels around the network: the legend, the filters, the search box,
// the actor panel, and the cards describing an actor or a relation (the
// panel lists them, the network shows them under the pointer).
// Over 400 lines with reason: the cards and the panels share their builders
// (one card is written once, whether the panel or the pointer shows it).

/**
 * "A gives air support to B", the names as buttons that select the actor.
 * @param {App} app
 * @param {SceneEdge} relation
 * @param {boolean} linkActors
 * @returns {HTMLParagraphElement}
 */
function relationSentence(app, relation, linkActors) {
  const sentence = element("p", null, "sentence");
  /** @param {string} id */
  const name = (id) => {
    const actor = /** @type {SceneNode} */ (app.model.actors.get(id));
    if (!linkActors || id === app.state.selected) return element("strong", actor.name);
    return button(actor.name, () => app.select(id, { centre: true, focusPanel: true }), "link");
  };
  sentence.append(name(relation.from), " " + relation.label + " ", name(relation.to));
  return sentence;
}

/**
 * When, sign, confidence, quote and sources of a relation, added to box.
 * @template {HTMLElement} T
 * @param {App} app
 * @param {SceneEdge} relation
 * @param {T} box
 * @returns {T}
 */
function relationDetails(app, relation, box) {
  const sign = signName(app.model, relation.sign);
  const confidence = confidenceWords(app.model, relation.confidence);
  box.appendChild(element("p", relation.when + " · " + sign + " · " + confidence, "when"));
  if (relation.evidence) {
    box.appendChild(element("blockquote", "“" + relation.evidence + "”", "evidence"));
  }
  if (relation.citation) box.appendChild(element("p", "Source: " + relation.citation, "citation"));
  if (relation.date_source) box.appendChild(element("p", "Dates: " + relation.date_source, "citation"));
  return box;
}

/**
 * @param {App} app
 * @param {SceneEdge} relation
 * @returns {HTMLDivElement}
 */
function relationCard(app, relation) {
  const box = element("div", null, "tooltip");
  box.appendChild(relationSentence(app, relation, false));
  box.appendChild(element("p", "type: " + relation.type, "type"));
  return relationDetails(app, relation, box);
}

/**
 * How many relations a line draws, in words.
 * @param {SceneEdge[]} members
 * @param {Set<number>} shown
 */
function lineCount(members, shown) {
  const drawn = members.filter((relation) => shown.has(relation.id)).length;
  const all = members.length + " relations";
  return drawn === members.length ? all : drawn + " of " + all + " drawn at this date and filters";
}

const CARD_QUOTES = 3; // a card under the pointer quotes this many of a line's relations

/**
 * The card of a drawn line: its relation, or the count of its relations,
 * the first quoted, the whole list being in the actor panel.
 * @param {App} app
 * @param {SceneEdge[]} members
 * @param {Set<number>} shown
 * @returns {HTMLDivElement}
 */
function lineCard(app, members, shown) {
  if (members.length === 1) return relationCard(app, members[0]);
  const box = element("div", null, "tooltip");
  box.appendChild(relationSentence(app, members[0], false));
  box.appendChild(element("p", lineCount(members, shown), "line-count"));
  const drawn = members.filter((relation) => shown.has(relation.id));
  drawn.slice(0, CARD_QUOTES).forEach((relation) => relationDetails(app, relation, box));
  if (drawn.length > CARD_QUOTES) {
    box.appendChild(element("p", "… " + (drawn.length - CARD_QUOTES) + " more: click an actor for them all.", "hint"));
  }
  return box;
}

/**
 * @param {App} _app
 * @param {SceneNode} actor
 * @returns {HTMLDivElement}
 */
function actorCard(_app, actor) {
  const box = element("div", null, "tooltip");
  box.appendChild(element("p", actor.name, "tooltip-title"));
  box.appendChild(element("p", actor.kind + " · " + actor.camp + " · " + actor.degree + " relations"));
  if (actor.aliases.length) box.appendChild(element("p", "Also called: " + actor.aliases.join(", ")));
  if (actor.description) box.appendChild(element("p", actor.description));
  box.appendChild(element("p", "Click for its relations.", "hint"));
  return box;
}

/** @type {Array<[string, (r: SceneEdge, id: string) => boolean]>} */
const RELATION_GROUPS = [
  ["Support given", (r, id) => r.sign > 0 && r.from === id],
  ["Support received", (r, id) => r.sign > 0 && r.to === id],
  ["Opposition given", (r, id) => r.sign < 0 && r.from === id],
  ["Opposition received", (r, id) => r.sign < 0 && r.to === id],
  ["Other relations", (r, id) => r.sign === 0 && (r.from === id || r.to === id)],
];

/**
 * @param {App} app
 */
function panelsView(app) {
  const model = app.model;
  const data = model.data;
  const state = app.state;
  const edgeScale = lineScale();

  // ------------------------------------------------------------------ legend

  /**
   * @param {string} title
   * @param {HTMLLIElement[]} entries
   */
  function legendGroup(title, entries) {
    const group = element("div", null, "legend-group");
    group.appendChild(element("h2", title));
    const list = element("ul");
    entries.forEach((entry) => list.appendChild(entry));
    group.appendChild(list);
    return group;
  }

  /**
   * @param {Element} icon
   * @param {string} text
   * @param {number} [count]
   */
  function legendEntry(icon, text, count) {
    const item = element("li");
    item.append(icon, element("span", text));
    if (count !== undefined) item.appendChild(element("span", "(" + count + ")", "count"));
    return item;
  }

  function buildLegend() {
    const legend = byId("legend");
    const entries = data.legend;
    // Without camps in the data, the groups found in it (scene.colour_groups), and how.
    const colours = legendGroup(
      "Colour: " + entries.colour_by.by,
      entries.camps.map((c) => legendEntry(swatch(c.colour), c.camp, c.actors))
    );
    if (entries.colour_by.by !== "camp") {
      const how = element("p", entries.colour_by.how[0].toUpperCase() + entries.colour_by.how.slice(1) + ".", "note");
      how.id = "colour-by";
      colours.appendChild(how);
    }
    legend.appendChild(colours);
    legend.appendChild(
      legendGroup(
        "Shape: kind",
        entries.kinds.map((k) => legendEntry(shapeIcon(k.shape, "#ffffff"), k.kind, k.actors))
      )
    );
    // An undirected network (every relation symmetric) draws no arrow head: nor does its legend.
    const heads = data.edges.some((e) => !e.symmetric);
    legend.appendChild(
      legendGroup(
        "Line: relation",
        entries.signs.map((s) =>
          legendEntry(lineIcon(s.colour, s.dashes, 2, 1, edgeScale, heads), s.name, s.relations)
        )
      )
    );
    /** @type {Map<string, {width: number, opacity: number, dashes: number[], levels: string[], relations: number}>} */
    const looks = new Map(); // levels drawn alike share one entry
    entries.confidence.forEach((c) => {
      const key = c.width + " " + c.opacity + " " + c.dashes;
      const look = looks.get(key) || { width: c.width, opacity: c.opacity, dashes: c.dashes, levels: [], relations: 0 };
      look.levels.push(c.level);
      look.relations += c.relations;
      looks.set(key, look);
    });
    legend.appendChild(
      legendGroup(
        "Confidence",
        Array.from(looks.values()).map((c) =>
          legendEntry(lineIcon("#222222", c.dashes, c.width, c.opacity, edgeScale, heads), c.levels.join(", "), c.relations)
        )
      )
    );
    legend.appendChild(legendGroup("Size", [legendEntry(element("span", "●", "size-icon"), data.size)]));
  }

  // ----------------------------------------------------------------- filters

  /**
   * @param {string} title
   * @param {FilterGroup} group
   * @param {Array<{value: string, text: string, count: number, icon?: Element}>} options
   */
  function filterGroup(title, group, options) {
    const fieldset = element("fieldset");
    fieldset.appendChild(element("legend", title));
    /** @type {HTMLInputElement[]} */
    const boxes = [];
    options.forEach((option) => {
      const label = element("label", null, "option");
      const box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = option.value;
      box.dataset.group = group;
      box.addEventListener("change", () => {
        if (box.checked) state.off[group].delete(option.value);
        else state.off[group].add(option.value);
        app.update();
      });
      boxes.push(box);
      label.append(box, " ");
      if (option.icon) label.append(option.icon, " ");
      label.append(option.text, " ");
      label.appendChild(element("span", "(" + option.count + ")", "count"));
      fieldset.appendChild(label);
    });
    if (options.length > 3) {
      /** @param {boolean} on */
      const setAll = (on) => () => {
        boxes.forEach((box) => {
          if (on) state.off[group].delete(box.value);
          else state.off[group].add(box.value);
        });
        app.update();
      };
      const row = element("p", null, "all-none");
      row.append(button("All", setAll(true)), " ", button("None", setAll(false)));
      fieldset.insertBefore(row, fieldset.children[1]);
    }
    filterBoxes.push({ group: group, boxes: boxes });
    return fieldset;
  }

  /** @type {Array<{group: FilterGroup, boxes: HTMLInputElement[]}>} */
  const filterBoxes = [];

  function buildFilters() {
    const groups = byId("filter-groups");
    const legend = data.legend;
    groups.appendChild(
      filterGroup(
        "Sign",
        "sign",
        legend.signs.map((s) => ({ value: String(s.sign), text: s.name, count: s.relations }))
      )
    );
    groups.appendChild(
      filterGroup(
        "Confidence",
        "confidence",
        legend.confidence.map((c) => ({ value: c.level, text: c.level, count: c.relations }))
      )
    );
    groups.appendChild(
      filterGroup(
        legend.colour_by.by[0].toUpperCase() + legend.colour_by.by.slice(1),
        "camp",
        legend.camps.map((c) => ({ value: c.camp, text: c.camp, count: c.actors, icon: swatch(c.colour) }))
      )
    );
    groups.appendChild(
      filterGroup(
        "Relation type",
        "type",
        data.types.map((t) => ({ value: t.type, text: t.label, count: t.relations }))
      )
    );
  }

  // ------------------------------------------------------------- actor panel

  /**
   * The panel of the selected actor: who it is, its relations by sign and
   * direction, those not drawn marked as such.
   * @param {Set<number>} shown
   */
  function drawPanel(shown) {
    const panel = byId("panel");
    const content = byId("panel-body");
    content.replaceChildren();
    const actor = state.selected === null ? undefined : model.actors.get(state.selected);
    if (actor === undefined) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    byId("panel-name").textContent = actor.name;
    const meta = element("p", null, "meta");
    meta.append(swatch(actor.colour), actor.camp + " · " + actor.kind);
    content.appendChild(meta);
    if (actor.aliases.length) {
      content.appendChild(element("p", "Also called: " + actor.aliases.join(", "), "aliases"));
    }
    if (actor.description) content.appendChild(element("p", actor.description, "description"));
    RELATION_GROUPS.forEach(([title, belongs]) => {
      const own = data.edges.filter((r) => belongs(r, actor.id));
      if (!own.length && title === "Other relations") return;
      const section = element("section", null, "relation-group");
      section.appendChild(element("h3", title + " (" + own.length + ")"));
      if (!own.length) section.appendChild(element("p", "None.", "none"));
      const list = element("ul", null, "relation-list");
      // A line of many relations is one item, its relations listed when expanded.
      const done = new Set();
      own.forEach((relation) => {
        if (done.has(relation.line)) return;
        done.add(relation.line);
        const members = /** @type {SceneEdge[]} */ (model.lines.get(relation.line));
        const drawn = members.some((member) => shown.has(member.id));
        const item = element("li", null, drawn ? "relation" : "relation inactive");
        item.appendChild(relationSentence(app, relation, true));
        if (members.length === 1) relationDetails(app, relation, item);
        else item.appendChild(lineList(members, shown));
        if (!drawn) item.appendChild(element("p", "Not drawn: outside the date or filters.", "note"));
        list.appendChild(item);
      });
      section.appendChild(list);
      content.appendChild(section);
    });
  }

  /**
   * The relations of one line, counted, listed with their quotes when opened.
   * @param {SceneEdge[]} members
   * @param {Set<number>} shown
   */
  function lineList(members, shown) {
    const more = element("details", null, "line-members");
    more.appendChild(element("summary", lineCount(members, shown)));
    const list = element("ul", null, "relation-list");
    // Filled when opened: a line of event data can hold thousands.
    more.addEventListener("toggle", () => {
      if (!more.open || list.childElementCount) return;
      members.forEach((member) => {
        const item = element("li", null, shown.has(member.id) ? "relation" : "relation inactive");
        list.appendChild(relationDetails(app, member, item));
      });
    });
    more.appendChild(list);
    return more;
  }

  // ------------------------------------------------------------------ search

  const searchIndex = data.nodes.map((actor) => ({
    id: actor.id,
    names: [actor.name].concat(actor.aliases).map((name) => ({ name: name, folded: fold(name) })),
  }));

  /**
   * Actors whose name or an alias matches: whole name first, then start of
   * the name, start of a word, anywhere.
   * @param {string} query
   * @returns {Array<{id: string, rank: number, matched: string}>}
   */
  function findActors(query) {
    const wanted = fold(query);
    if (!wanted) return [];
    /** @type {Array<{id: string, rank: number, matched: string}>} */
    const found = [];
    searchIndex.forEach((entry) => {
      const best = { rank: 4, name: "" };
      entry.names.forEach((candidate) => {
        const text = candidate.folded;
        let rank = 4; // no match
        if (text === wanted) rank = 0;
        else if (text.startsWith(wanted)) rank = 1;
        else if (text.split(/[\s\-–]+/).some((word) => word.startsWith(wanted))) rank = 2;
        else if (text.includes(wanted)) rank = 3;
        if (rank < best.rank) Object.assign(best, { rank: rank, name: candidate.name });
      });
      if (best.rank < 4) found.push({ id: entry.id, rank: best.rank, matched: best.name });
    });
    /** @param {string} id */
    const nameOf = (id) => /** @type {SceneNode} */ (model.actors.get(id)).name;
    return found.sort((a, b) => a.rank - b.rank || compareText(nameOf(a.id), nameOf(b.id)));
  }

  const searchInput = inputById("search");
  const searchResults = byId("search-results");

  function closeResults() {
    searchResults.replaceChildren();
    searchResults.hidden = true;
  }

  /** @param {string} id */
  function pick(id) {
    closeResults();
    // A search finds any actor and shows it: one in a camp or group switched
    // off (a group opened in the group view) brings every camp back.
    const actor = model.actors.get(id);
    if (actor && app.state.off.camp.has(actor.camp)) app.state.off.camp = new Set();
    app.select(id, { centre: true, focusPanel: true });
  }

  function showResults() {
    closeResults();
    const found = findActors(searchInput.value);
    if (!searchInput.value.trim()) return;
    searchResults.hidden = false;
    if (!found.length) {
      searchResults.appendChild(element("li", "No actor matches.", "none"));
      return;
    }
    found.slice(0, 12).forEach((match) => {
      const actor = /** @type {SceneNode} */ (model.actors.get(match.id));
      const choice = button(actor.name, () => pick(match.id), "result");
      if (match.matched !== actor.name) {
        choice.appendChild(element("span", " (" + match.matched + ")", "matched"));
      }
      const item = element("li");
      item.appendChild(choice);
      searchResults.appendChild(item);
    });
  }

  function wireSearch() {
    searchInput.addEventListener("input", showResults);
    searchInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        const found = findActors(searchInput.value);
        if (found.length) pick(found[0].id);
        event.preventDefault();
      } else if (event.key === "ArrowDown" && !searchResults.hidden) {
        const first = searchResults.querySelector("button");
        if (first) first.focus();
        event.preventDefault();
      }
    });
    searchResults.addEventListener("keydown", (event) => {
      const choices = Array.from(searchResults.querySelectorAll("button"));
      const at = choices.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
      if (event.key === "ArrowDown" && at < choices.length - 1) choices[at + 1].focus();
      else if (event.key === "ArrowUp") (at > 0 ? choices[at - 1] : searchInput).focus();
      else return;
      event.preventDefault();
    });
  }

  /**
   * Escape closes the search results, if open.
   * @returns {boolean} whether they were open
   */
  function closeSearch() {
    if (searchResults.hidden) return false;
    closeResults();
    searchInput.focus();
    return true;
  }

  // ------------------------------------------------------------------- draw

  /**
   * The side panels for the state: open or not, filters ticked, the actor panel.
   * @param {Set<number>} shown
   */
  function draw(shown) {
    byId("sidebar").hidden = !state.panels;
    const toggle = byId("panels-toggle");
    toggle.setAttribute("aria-expanded", String(state.panels));
    toggle.textContent = state.panels ? "Hide panels" : "Show panels";
    byId("legend").hidden = !state.legend;
    const legendToggle = byId("legend-toggle");
    legendToggle.setAttribute("aria-expanded", String(state.legend));
    legendToggle.textContent = state.legend ? "Hide legend" : "Legend";
    filterBoxes.forEach(({ group, boxes }) =>
      boxes.forEach((box) => {
        box.checked = !state.off[group].has(box.value);
      })
    );
    drawPanel(shown);
  }

  function build() {
    buildLegend();
    buildFilters();
    wireSearch();
  }

  return { build: build, draw: draw, closeSearch: closeSearch, focusSearch: () => searchInput.focus() };
}
