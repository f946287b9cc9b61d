// The alliance-graph explorer: draws the graph data embedded in #graph-data
// with vis-network and wires the legend, search, filters, time slider, actor
// panel, table and story to it.
//
// Every text from the data is shown with textContent or as DOM text nodes,
// never parsed as HTML.
//
// Time rule, the one of graph.snapshot: a relation is shown at a period
// [first, last] of ISO days when
//   (active_from is null or active_from <= last) and
//   (active_to is null or active_to >= first).
// Python has expanded partial dates already: active_from is the first day of
// the relation's start ("2015" -> 2015-01-01), active_to the last day of its
// end ("2016-12" -> 2016-12-31); null means open. ISO days compare as text.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const byId = (id) => document.getElementById(id);
  const body = document.body;
  const classroom = body.classList.contains("preset-classroom");
  const pageStyle = getComputedStyle(body);
  const cssNumber = (name, fallback) => parseFloat(pageStyle.getPropertyValue(name)) || fallback;
  const EDGE_SCALE = cssNumber("--edge-scale", 1);
  const DIMMED = 0.12;
  const MAX_STRETCH = 1.5;
  const FIT_MARGIN_PX = 12;
  const NARROW_PX = 1100;
  const LARGE = 2000; // actors beyond which they are not moved to fit the canvas's shape
  const LABEL_GAP = 4; // vis-network's space between a shape and the label below it
  const PLAY_MS = classroom ? 1500 : 900;
  const SVG_NS = "http://www.w3.org/2000/svg"; // an XML namespace name, not a request
  const CONFIDENCE_WORDS = {
    confirmed: "confirmed: reported as fact",
    claimed: "claimed: a party's own claim",
    alleged: "alleged: an accusation by others",
  };
  const SIGN_WORDS = { 1: "support", "-1": "opposition", 0: "neutral" };

  const actors = new Map(data.nodes.map((node) => [node.id, node]));
  const relations = data.edges;
  const relationsById = new Map(relations.map((relation) => [relation.id, relation]));
  const state = {
    // Values switched off in each filter; a relation passes when none of its values is.
    off: { type: new Set(), sign: new Set(), camp: new Set(), confidence: new Set() },
    period: data.at, // {first, last, label} or null for all dates
    selected: null, // the actor shown in the panel
    step: -1, // the story step shown, -1 for none
  };

  // ---------------------------------------------------------------- DOM helpers

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function svgElement(tag, attributes, parent) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach((name) => node.setAttribute(name, String(attributes[name])));
    if (parent) parent.appendChild(node);
    return node;
  }

  function button(text, onClick, className) {
    const node = element("button", text, className);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function compareText(a, b) {
    return String(a).localeCompare(String(b), "en", { sensitivity: "base", numeric: true });
  }

  function announce(text) {
    byId("status").textContent = text;
  }

  // A small picture of an actor's shape, for the legend.
  function shapeIcon(shape, colour) {
    const icon = svgElement("svg", { width: 18, height: 18, viewBox: "-10 -10 20 20" });
    icon.setAttribute("aria-hidden", "true");
    const paint = { fill: colour, stroke: "#111", "stroke-width": 1.5 };
    const polygon = (points) => svgElement("polygon", Object.assign({ points: points }, paint), icon);
    if (shape === "dot") svgElement("circle", Object.assign({ r: 8 }, paint), icon);
    else if (shape === "triangle") polygon("0,-8 8,7 -8,7");
    else if (shape === "triangleDown") polygon("0,8 8,-7 -8,-7");
    else if (shape === "square") polygon("-7,-7 7,-7 7,7 -7,7");
    else if (shape === "diamond") polygon("0,-9 9,0 0,9 -9,0");
    else if (shape === "hexagon") polygon("8,0 4,7 -4,7 -8,0 -4,-7 4,-7");
    else if (shape === "star") {
      polygon("0,-9 2.6,-3.3 8.6,-2.8 4,1.2 5.4,7.3 0,4.1 -5.4,7.3 -4,1.2 -8.6,-2.8 -2.6,-3.3");
    }
    else svgElement("ellipse", Object.assign({ rx: 9, ry: 6 }, paint), icon);
    return icon;
  }

  // A sample of a relation line, with its arrow head, for the legend.
  function lineIcon(colour, dashes, width, opacity) {
    const icon = svgElement("svg", { width: 46, height: 14, viewBox: "0 0 46 14" });
    icon.setAttribute("aria-hidden", "true");
    const line = { x1: 1, y1: 7, x2: 36, y2: 7, stroke: colour, opacity: opacity };
    line["stroke-width"] = width * EDGE_SCALE;
    if (dashes.length) line["stroke-dasharray"] = dashes.map((d) => d * EDGE_SCALE * 0.6).join(" ");
    svgElement("line", line, icon);
    svgElement("polygon", { points: "45,7 35,2 35,12", fill: colour, opacity: opacity }, icon);
    return icon;
  }

  function swatch(colour) {
    const box = element("span", null, "swatch");
    box.style.background = colour;
    box.setAttribute("aria-hidden", "true");
    return box;
  }

  // ------------------------------------------------------------- time and filters

  function activeAt(relation, period) {
    return (
      period === null ||
      ((relation.active_from === null || relation.active_from <= period.last) &&
        (relation.active_to === null || relation.active_to >= period.first))
    );
  }

  function passesFilters(relation) {
    const off = state.off;
    return (
      !off.type.has(relation.type) &&
      !off.sign.has(String(relation.sign)) &&
      !off.confidence.has(relation.confidence) &&
      !off.camp.has(actors.get(relation.from).camp) &&
      !off.camp.has(actors.get(relation.to).camp) &&
      activeAt(relation, state.period)
    );
  }

  // ---------------------------------------------------------------- tooltips

  function relationSentence(relation, linkActors) {
    const sentence = element("p", null, "sentence");
    const name = (id) => {
      const actor = actors.get(id);
      if (!linkActors || id === state.selected) return element("strong", actor.name);
      return button(actor.name, () => select(id, { centre: true, focusPanel: true }), "link");
    };
    sentence.append(name(relation.from), " " + relation.label + " ", name(relation.to));
    return sentence;
  }

  function relationDetails(relation, box) {
    const sign = SIGN_WORDS[relation.sign] || String(relation.sign);
    const confidence = CONFIDENCE_WORDS[relation.confidence] || relation.confidence;
    box.appendChild(element("p", relation.when + " · " + sign + " · " + confidence, "when"));
    if (relation.evidence) {
      box.appendChild(element("blockquote", "“" + relation.evidence + "”", "evidence"));
    }
    if (relation.citation) box.appendChild(element("p", "Source: " + relation.citation, "citation"));
    if (relation.date_source) box.appendChild(element("p", "Dates: " + relation.date_source, "citation"));
    return box;
  }

  function relationTooltip(relation) {
    const box = element("div", null, "tooltip");
    box.appendChild(relationSentence(relation, false));
    box.appendChild(element("p", "type: " + relation.type, "type"));
    return relationDetails(relation, box);
  }

  function actorTooltip(actor) {
    const box = element("div", null, "tooltip");
    box.appendChild(element("p", actor.name, "tooltip-title"));
    box.appendChild(element("p", actor.kind + " · " + actor.camp + " · " + actor.degree + " relations"));
    if (actor.aliases.length) box.appendChild(element("p", "Also called: " + actor.aliases.join(", ")));
    if (actor.description) box.appendChild(element("p", actor.description));
    box.appendChild(element("p", "Click for its relations.", "hint"));
    return box;
  }

  // ---------------------------------------------------------------- the network

  const container = byId("network");
  let network = null; // created once the page around it is built

  // Positions, radii and label sizes come from the layout in one unit
  // (graph/layout.py), in which no two actors' shapes and labels overlap;
  // vis-network scales all three together, so they overlap at no zoom. The
  // layout lies across; on a canvas of another shape, the drawing grows along
  // its shorter side, up to MAX_STRETCH times: spreading actors apart keeps
  // every label clear.
  const large = data.nodes.length > LARGE;
  const stretched = { x: 1, y: 1 }; // the stretch the actors are drawn with
  let linesScale = 1; // the zoom at which relation lines have their style's widths

  // Per actor, its shape and label around its point, in canvas units, as
  // vis-network draws them: names measured in the labels' font, hung
  // LABEL_GAP and half a font size below the shape; an ellipse drawn around
  // its name, as wide as the text plus its height and twice as tall.
  const boxes = (function measure() {
    const context = document.createElement("canvas").getContext("2d");
    const size = data.label_size;
    context.font = (size + "px " + pageStyle.fontFamily).replace(/"/g, ""); // as vis-network
    return new Map(
      data.nodes.map((a) => {
        const lines = a.name.split("\n");
        const width = lines.reduce((most, line) => Math.max(most, context.measureText(line).width), 0);
        const height = lines.length * size;
        if (a.shape === "ellipse") {
          const across = (width + height) / 2;
          return [a.id, { left: -across, right: across, top: -height, bottom: height }];
        }
        const across = Math.max(a.size, width / 2);
        const bottom = a.size + size / 2 + LABEL_GAP + height;
        return [a.id, { left: -across, right: across, top: -a.size, bottom: bottom }];
      })
    );
  })();

  // The box around every actor with positions stretched by (stretchX, stretchY).
  function drawingBox(stretchX, stretchY) {
    const around = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    data.nodes.forEach((a) => {
      const box = boxes.get(a.id);
      around.left = Math.min(around.left, a.x * stretchX + box.left);
      around.right = Math.max(around.right, a.x * stretchX + box.right);
      around.top = Math.min(around.top, a.y * stretchY + box.top);
      around.bottom = Math.max(around.bottom, a.y * stretchY + box.bottom);
    });
    return around;
  }

  // How much to stretch the positions along one axis so that the drawing,
  // size long with its boxes and span between its outermost points,
  // becomes wanted long.
  function stretchFor(size, span, wanted) {
    if (span <= 0) return 1;
    return Math.min(Math.max((wanted - (size - span)) / span, 1), MAX_STRETCH);
  }

  // The stretch, the box and the zoom that show the whole network as large as
  // a width x height canvas allows. Above LARGE actors the actors are not
  // stretched: moving them all would take seconds.
  function fitting(width, height) {
    let x = 1, y = 1;
    if (!large) {
      const drawn = drawingBox(1, 1);
      const span = (values) =>
        values.reduce((most, v) => Math.max(most, v), -Infinity) -
        values.reduce((least, v) => Math.min(least, v), Infinity);
      const drawnWidth = drawn.right - drawn.left, drawnHeight = drawn.bottom - drawn.top;
      if (drawnWidth * height > drawnHeight * width) {
        y = stretchFor(drawnHeight, span(data.nodes.map((a) => a.y)), (drawnWidth * height) / width);
      } else x = stretchFor(drawnWidth, span(data.nodes.map((a) => a.x)), (drawnHeight * width) / height);
    }
    const box = drawingBox(x, y);
    const scale = Math.min(
      Math.max(width - 2 * FIT_MARGIN_PX, 1) / Math.max(box.right - box.left, 1),
      Math.max(height - 2 * FIT_MARGIN_PX, 1) / Math.max(box.bottom - box.top, 1)
    );
    return { x: x, y: y, box: box, scale: scale };
  }

  // Widths and dashes in canvas units that are the style's screen pixels at
  // scale: lines as the legend shows them once the network is fitted,
  // not hairlines with thousands of dashes when a large network is zoomed out.
  function lineStyle(relation, scale) {
    const size = EDGE_SCALE / scale;
    return {
      width: relation.width * size,
      dashes: relation.dashes.length ? relation.dashes.map((d) => d * size) : false,
    };
  }

  function styleLines(scale) {
    linesScale = scale;
    edges.update(relations.map((relation) => ({ id: relation.id, ...lineStyle(relation, scale) })));
  }

  function edgeColour(relation, dim) {
    const colour = relation.colour;
    const opacity = relation.opacity * dim;
    return { color: colour, highlight: colour, hover: colour, inherit: false, opacity: opacity };
  }

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
  const edges = new vis.DataSet(
    relations.map((relation) => ({
      id: relation.id,
      from: relation.from,
      to: relation.to,
      key: relation.key,
      // A symmetric relation (talks, an alliance) goes both ways: no arrow head.
      arrows: { to: { enabled: !relation.symmetric, scaleFactor: 0.8 } },
      ...lineStyle(relation, 1),
      color: edgeColour(relation, 1),
      smooth:
        relation.roundness === null
          ? { enabled: false }
          : { enabled: true, type: "curvedCW", roundness: relation.roundness },
    }))
  );

  // Show, hide and dim actors and relations for the current state; only what
  // changed is sent to vis-network.
  const drawn = new Map();
  function refresh() {
    const shown = new Set(relations.filter(passesFilters).map((relation) => relation.id));
    let litActors = null;
    let litRelations = null;
    if (state.selected !== null) {
      litActors = new Set([state.selected]);
      litRelations = new Set();
      relations.forEach((r) => {
        if (shown.has(r.id) && (r.from === state.selected || r.to === state.selected)) {
          litRelations.add(r.id);
          litActors.add(r.from);
          litActors.add(r.to);
        }
      });
    } else if (state.step >= 0) {
      litActors = new Set(data.story[state.step].actors);
      const among = (r) => shown.has(r.id) && litActors.has(r.from) && litActors.has(r.to);
      litRelations = new Set(relations.filter(among).map((r) => r.id));
    }
    const nodeChanges = [];
    data.nodes.forEach((actor) => {
      const hidden = state.off.camp.has(actor.camp);
      const opacity = litActors && !litActors.has(actor.id) ? DIMMED : 1;
      const look = "n" + hidden + opacity;
      if (drawn.get("n" + actor.id) !== look) {
        drawn.set("n" + actor.id, look);
        const font = { color: opacity === 1 ? "#000000" : "rgba(0, 0, 0, " + DIMMED * 2 + ")" };
        nodeChanges.push({ id: actor.id, hidden: hidden, opacity: opacity, font: font });
      }
    });
    const edgeChanges = [];
    relations.forEach((relation) => {
      const hidden = !shown.has(relation.id);
      const dim = litRelations && !litRelations.has(relation.id) ? DIMMED : 1;
      const look = "e" + hidden + dim;
      if (drawn.get("e" + relation.id) !== look) {
        drawn.set("e" + relation.id, look);
        edgeChanges.push({ id: relation.id, hidden: hidden, color: edgeColour(relation, dim) });
      }
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    renderPanel(shown);
    const when = state.period ? state.period.label : "All dates";
    byId("slider-label").textContent = when;
    byId("slider").setAttribute("aria-valuetext", when);
    announce(when + ": " + shown.size + " of " + relations.length + " relations shown");
  }

  // ---------------------------------------------------------------- legend

  function legendGroup(title, entries) {
    const group = element("div", null, "legend-group");
    group.appendChild(element("h2", title));
    const list = element("ul");
    entries.forEach((entry) => list.appendChild(entry));
    group.appendChild(list);
    return group;
  }

  function legendEntry(icon, text, count) {
    const item = element("li");
    item.append(icon, element("span", text));
    if (count !== undefined) item.appendChild(element("span", "(" + count + ")", "count"));
    return item;
  }

  function buildLegend() {
    const legend = byId("legend");
    const entries = data.legend;
    legend.appendChild(
      legendGroup("Colour: camp", entries.camps.map((c) => legendEntry(swatch(c.colour), c.camp, c.actors)))
    );
    legend.appendChild(
      legendGroup(
        "Shape: kind",
        entries.kinds.map((k) => legendEntry(shapeIcon(k.shape, "#ffffff"), k.kind, k.actors))
      )
    );
    legend.appendChild(
      legendGroup(
        "Line: relation",
        entries.signs.map((s) => legendEntry(lineIcon(s.colour, s.dashes, 2, 1), s.name, s.relations))
      )
    );
    const looks = new Map(); // levels drawn alike share one entry
    entries.confidence.forEach((c) => {
      const look = c.width + " " + c.opacity;
      if (!looks.has(look)) looks.set(look, { width: c.width, opacity: c.opacity, levels: [], relations: 0 });
      looks.get(look).levels.push(c.level);
      looks.get(look).relations += c.relations;
    });
    legend.appendChild(
      legendGroup(
        "Confidence",
        Array.from(looks.values()).map((c) =>
          legendEntry(lineIcon("#222222", [], c.width, c.opacity), c.levels.join(", "), c.relations)
        )
      )
    );
    legend.appendChild(legendGroup("Size", [legendEntry(element("span", "●", "size-icon"), data.size)]));
  }

  // ---------------------------------------------------------------- filters

  function filterGroup(title, group, options) {
    const fieldset = element("fieldset");
    fieldset.appendChild(element("legend", title));
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
        refresh();
      });
      boxes.push(box);
      label.append(box, " ");
      if (option.icon) label.append(option.icon, " ");
      label.append(option.text, " ");
      label.appendChild(element("span", "(" + option.count + ")", "count"));
      fieldset.appendChild(label);
    });
    if (options.length > 3) {
      const setAll = (on) => () => {
        boxes.forEach((box) => {
          box.checked = on;
          if (on) state.off[group].delete(box.value);
          else state.off[group].add(box.value);
        });
        refresh();
      };
      const row = element("p", null, "all-none");
      row.append(button("All", setAll(true)), " ", button("None", setAll(false)));
      fieldset.insertBefore(row, fieldset.children[1]);
    }
    return fieldset;
  }

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
        "Camp",
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

  // ---------------------------------------------------------------- actor panel

  const RELATION_GROUPS = [
    ["Support given", (r, id) => r.sign > 0 && r.from === id],
    ["Support received", (r, id) => r.sign > 0 && r.to === id],
    ["Opposition given", (r, id) => r.sign < 0 && r.from === id],
    ["Opposition received", (r, id) => r.sign < 0 && r.to === id],
    ["Other relations", (r, id) => r.sign === 0 && (r.from === id || r.to === id)],
  ];

  function renderPanel(shown) {
    const panel = byId("panel");
    const content = byId("panel-body");
    content.replaceChildren();
    if (state.selected === null) {
      panel.hidden = true;
      return;
    }
    const actor = actors.get(state.selected);
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
      const own = relations.filter((r) => belongs(r, actor.id));
      if (!own.length && title === "Other relations") return;
      const section = element("section", null, "relation-group");
      section.appendChild(element("h3", title + " (" + own.length + ")"));
      if (!own.length) section.appendChild(element("p", "None.", "none"));
      const list = element("ul", null, "relation-list");
      own.forEach((relation) => {
        const item = element("li", null, shown.has(relation.id) ? "relation" : "relation inactive");
        item.appendChild(relationSentence(relation, true));
        relationDetails(relation, item);
        if (!shown.has(relation.id)) {
          item.appendChild(element("p", "Not drawn: outside the date or filters.", "note"));
        }
        list.appendChild(item);
      });
      section.appendChild(list);
      content.appendChild(section);
    });
  }

  function select(id, options) {
    const how = options || {};
    state.selected = id;
    if (id === null) network.unselectAll();
    else {
      network.selectNodes([id], false);
      showPanels(true);
      if (!byId("table-view").hidden) showTable(false);
    }
    refresh();
    if (id !== null && how.centre) {
      network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    }
    if (id !== null && how.focusPanel) byId("panel-name").focus();
  }

  // ---------------------------------------------------------------- search

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  const searchIndex = data.nodes.map((actor) => ({
    id: actor.id,
    names: [actor.name].concat(actor.aliases).map((name) => ({ name: name, folded: fold(name) })),
  }));

  // Actors whose name or an alias matches: whole name first, then start of
  // the name, start of a word, anywhere.
  function findActors(query) {
    const wanted = fold(query);
    if (!wanted) return [];
    const found = [];
    searchIndex.forEach((entry) => {
      let best = null;
      entry.names.forEach((candidate) => {
        const text = candidate.folded;
        let rank = null;
        if (text === wanted) rank = 0;
        else if (text.startsWith(wanted)) rank = 1;
        else if (text.split(/[\s\-–]+/).some((word) => word.startsWith(wanted))) rank = 2;
        else if (text.includes(wanted)) rank = 3;
        if (rank !== null && (best === null || rank < best.rank)) best = { rank: rank, name: candidate.name };
      });
      if (best) found.push({ id: entry.id, rank: best.rank, matched: best.name });
    });
    return found.sort((a, b) => a.rank - b.rank || compareText(actors.get(a.id).name, actors.get(b.id).name));
  }

  const searchInput = byId("search");
  const searchResults = byId("search-results");

  function closeResults() {
    searchResults.replaceChildren();
    searchResults.hidden = true;
  }

  function pick(id) {
    closeResults();
    select(id, { centre: true, focusPanel: true });
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
      const actor = actors.get(match.id);
      const choice = button(actor.name, () => pick(match.id), "result");
      if (match.matched !== actor.name) {
        choice.appendChild(element("span", " (" + match.matched + ")", "matched"));
      }
      const item = element("li");
      item.appendChild(choice);
      searchResults.appendChild(item);
    });
  }

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
    const at = choices.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < choices.length - 1) choices[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? choices[at - 1] : searchInput).focus();
    else return;
    event.preventDefault();
  });

  // ---------------------------------------------------------------- time slider

  const slider = byId("slider");
  const allDates = byId("all-dates");
  const play = byId("play");
  let playing = null;

  function monthOf(day) {
    const months = data.months;
    const index = months.findIndex((month) => month.first <= day && day <= month.last);
    if (index >= 0) return index;
    return day < months[0].first ? 0 : months.length - 1;
  }

  function setPeriod(period) {
    state.period = period;
    allDates.checked = period === null;
    if (period !== null) slider.value = String(monthOf(period.first));
    refresh();
  }

  function setPlaying(on) {
    clearInterval(playing);
    playing = null;
    play.textContent = on ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(on));
    if (!on) return;
    const tick = () => {
      const next = state.period === null ? 0 : Number(slider.value) + 1;
      if (next >= data.months.length) setPlaying(false);
      else setPeriod(data.months[next]);
    };
    if (state.period !== null && Number(slider.value) >= data.months.length - 1) state.period = null;
    tick();
    playing = setInterval(tick, PLAY_MS);
  }

  if (data.months.length) {
    slider.max = String(data.months.length - 1);
    slider.value = String(data.at ? monthOf(data.at.first) : 0);
    allDates.checked = data.at === null;
    slider.addEventListener("input", () => setPeriod(data.months[Number(slider.value)]));
    allDates.addEventListener("change", () =>
      setPeriod(allDates.checked ? null : data.months[Number(slider.value)])
    );
    play.addEventListener("click", () => setPlaying(playing === null));
  } else {
    byId("timebar").hidden = true;
  }

  // ---------------------------------------------------------------- story

  const story = byId("story");
  const storyToggle = byId("story-toggle");

  function showStep(index) {
    const steps = data.story;
    const number = Math.min(Math.max(index, 0), steps.length - 1);
    const step = steps[number];
    state.step = number;
    state.selected = null;
    network.unselectAll();
    setPlaying(false);
    if (!byId("table-view").hidden) showTable(false);
    story.hidden = false;
    fitCanvas();
    storyToggle.setAttribute("aria-pressed", "true");
    byId("story-position").textContent = "Story: step " + (number + 1) + " of " + steps.length;
    byId("story-title").textContent = step.title;
    byId("story-date").textContent = step.label;
    byId("story-caption").textContent = "“" + step.caption + "”";
    byId("story-citation").textContent = step.citation ? "Source: " + step.citation : "";
    byId("story-previous").disabled = number === 0;
    byId("story-next").disabled = number === steps.length - 1;
    setPeriod(step);
  }

  function closeStory() {
    state.step = -1;
    story.hidden = true;
    fitCanvas();
    storyToggle.setAttribute("aria-pressed", "false");
    refresh();
  }

  if (data.story.length) {
    storyToggle.hidden = false;
    storyToggle.addEventListener("click", () => (state.step >= 0 ? closeStory() : showStep(0)));
    byId("story-previous").addEventListener("click", () => showStep(state.step - 1));
    byId("story-next").addEventListener("click", () => showStep(state.step + 1));
    byId("story-close").addEventListener("click", closeStory);
  }

  // ---------------------------------------------------------------- table

  const CONFIDENCE_ORDER = { confirmed: 0, claimed: 1, alleged: 2 };
  const COLUMNS = [
    { title: "From", text: (r) => actors.get(r.from).name },
    { title: "Relation", text: (r) => r.label },
    { title: "To", text: (r) => actors.get(r.to).name },
    { title: "Sign", text: (r) => SIGN_WORDS[r.sign] || String(r.sign) },
    { title: "Dates", text: (r) => r.when, order: (r) => r.active_from || "" },
    { title: "Confidence", text: (r) => r.confidence, order: (r) => CONFIDENCE_ORDER[r.confidence] ?? 9 },
    { title: "Evidence", text: (r) => (r.evidence ? "“" + r.evidence + "”" : "") },
    { title: "Citation", text: (r) => r.citation },
  ];
  const SORTABLE = 6;
  const rows = new Map();
  const sorting = { column: null, ascending: true };

  function buildTable() {
    byId("relations-caption").textContent =
      "All " + relations.length + " relations of " + byId("title").textContent +
      ". Sort by a column with the button in its header.";
    const head = byId("relations-head");
    COLUMNS.forEach((column, index) => {
      const cell = element("th");
      cell.scope = "col";
      if (index < SORTABLE) {
        cell.appendChild(button(column.title, () => sortTable(index), "sort"));
        cell.setAttribute("aria-sort", "none");
      } else cell.textContent = column.title;
      head.appendChild(cell);
    });
    relations.forEach((relation) => {
      const row = element("tr");
      COLUMNS.forEach((column, index) => {
        const cell = element(index === 0 ? "th" : "td", column.text(relation));
        if (index === 0) cell.scope = "row";
        row.appendChild(cell);
      });
      rows.set(relation.id, row);
    });
    sortTable(0);
  }

  function sortTable(index) {
    sorting.ascending = sorting.column === index ? !sorting.ascending : true;
    sorting.column = index;
    const column = COLUMNS[index];
    const key = column.order || column.text;
    const ordered = relations.slice().sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === "number" ? x - y : compareText(x, y);
      return (sorting.ascending ? order : -order) || a.id - b.id;
    });
    byId("relations-body").replaceChildren(...ordered.map((relation) => rows.get(relation.id)));
    byId("relations-head").querySelectorAll("th").forEach((cell, number) => {
      if (number >= SORTABLE) return;
      const order = sorting.ascending ? "ascending" : "descending";
      cell.setAttribute("aria-sort", number === index ? order : "none");
    });
  }

  // The table is built once the network is drawn, or earlier if asked for,
  // so that thousands of relations do not delay the first picture.
  function tableReady() {
    if (!rows.size) buildTable();
  }

  function showTable(on) {
    if (on) tableReady();
    byId("table-view").hidden = !on;
    byId("network-view").hidden = on;
    const toggle = byId("view-toggle");
    toggle.setAttribute("aria-pressed", String(on));
    toggle.textContent = on ? "Network" : "Table";
    if (!on) fitCanvas();
  }

  // ---------------------------------------------------------------- page chrome

  function showPanels(on) {
    byId("sidebar").hidden = !on;
    const toggle = byId("panels-toggle");
    toggle.setAttribute("aria-expanded", String(on));
    toggle.textContent = on ? "Hide panels" : "Show panels";
    fitCanvas();
  }

  // Place the actors and show them all, as large as the canvas allows. Done
  // again whenever the canvas changes size (story opened, panels hidden,
  // fullscreen).
  function placeAndFit() {
    const width = container.clientWidth, height = container.clientHeight;
    if (!data.nodes.length || !width || !height) return; // nothing to show, or the table shown
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
  function fitCanvas() {
    if (network !== null) network.setSize("100%", "100%");
  }

  function toggleFullscreen() {
    const page = document.documentElement;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else if (page.requestFullscreen) {
      page.requestFullscreen().catch(() => announce("Fullscreen is not available here."));
    } else announce("Fullscreen is not available here.");
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const typing =
      event.target instanceof Element &&
      event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "Escape") {
      if (!searchResults.hidden) {
        closeResults();
        searchInput.focus();
      } else if (state.selected !== null) {
        const inPanel = byId("panel").contains(document.activeElement);
        select(null);
        if (inPanel) searchInput.focus();
      } else if (state.step >= 0) closeStory();
      return;
    }
    if (typing) return;
    const hasStory = data.story.length > 0;
    if (event.key === "f" || event.key === "F") toggleFullscreen();
    else if (hasStory && ["ArrowRight", "PageDown"].includes(event.key)) showStep(state.step + 1);
    else if (hasStory && ["ArrowLeft", "PageUp"].includes(event.key)) showStep(state.step - 1);
    else return;
    event.preventDefault();
  });

  byId("view-toggle").addEventListener("click", () => showTable(byId("table-view").hidden));
  byId("panels-toggle").addEventListener("click", () => showPanels(byId("sidebar").hidden));
  byId("fullscreen").addEventListener("click", toggleFullscreen);
  byId("panel-close").addEventListener("click", () => {
    select(null);
    searchInput.focus();
  });

  // ---------------------------------------------------------------- start

  buildLegend();
  buildFilters();
  // On a projector or a small screen the network gets the whole width; picking
  // an actor or the "Show panels" button opens them.
  if (classroom || window.innerWidth < NARROW_PX) showPanels(false);
  refresh();
  // Lines styled for the zoom of the first picture before vis-network takes
  // them: restyling thousands of relations it holds takes a second.
  if (container.clientWidth && container.clientHeight) {
    styleLines(fitting(container.clientWidth, container.clientHeight).scale);
  }
  network = new vis.Network(
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
  placeAndFit();
  window.addEventListener("beforeprint", tableReady);
  (window.requestIdleCallback || setTimeout)(tableReady);
  // Our own hover card rather than vis-network's "title" popups: vis picks the
  // popup's edge by bounding boxes, which near curved, crossing relations can
  // differ from the edge it highlights. The card always shows the hovered one.
  const hoverCard = byId("hover-card");
  function showHoverCard(content, event) {
    hoverCard.replaceChildren(content);
    hoverCard.hidden = false;
    const { x, y } = event.pointer.DOM;
    const left = Math.min(x + 12, container.clientWidth - hoverCard.offsetWidth - 4);
    const below = y + 16 + hoverCard.offsetHeight <= container.clientHeight;
    hoverCard.style.left = Math.max(left, 4) + "px";
    hoverCard.style.top = Math.max(below ? y + 16 : y - 12 - hoverCard.offsetHeight, 4) + "px";
  }
  const hideHoverCard = () => (hoverCard.hidden = true);
  network.on("hoverNode", (event) => showHoverCard(actorTooltip(actors.get(event.node)), event));
  network.on("hoverEdge", (event) =>
    showHoverCard(relationTooltip(relationsById.get(event.edge)), event)
  );
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach((name) => network.on(name, hideHoverCard));
  network.on("click", (event) => {
    if (event.nodes.length) select(event.nodes[0]);
    else if (!event.edges.length) select(null);
  });
  // After vis-network's own handling of the new size, which keeps the old zoom.
  network.on("resize", () => requestAnimationFrame(placeAndFit));

  // For tests and for curious readers in the browser console.
  window.explorer = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    visibleRelations: () =>
      edges.get({ filter: (edge) => !edge.hidden }).map((edge) => [edge.from, edge.to, edge.key]),
    litActors: () =>
      nodes.get({ filter: (node) => !node.hidden && node.opacity === 1 }).map((node) => node.id),
    state: () => ({ selected: state.selected, step: state.step, period: state.period }),
  };
})();
