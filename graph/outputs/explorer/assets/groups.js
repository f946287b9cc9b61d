// @ts-check
// The group view, a signed block image: one node per group (the data's camps,
// or the sides balance finds, scene.legend.colour_by), sized by its members,
// and one edge per pair of groups and sign with its count and share of the
// pair's ties: support inside and opposition between where balance holds.
// Readable at any size, it is what the page opens on above the scene's
// labelled_up_to actors. It is drawn in the network itself: the actors of a
// folded group are hidden and its node stands at their centre; clicking
// (tapping) a group, or its Open button, shows its members in place while
// the others stay folded; a search opens the actor's group and shows the
// actor with its neighbours. The panel says the same in words and a small
// picture (the accessible description).

// Items the group view adds to the network's DataSets: no actor id or relation id takes these forms.
const GROUP_NODE = "group:";
const GROUP_TIE = "group-tie:";
const MEMBER_TIE = GROUP_TIE + "actor:"; // an open group's member to a folded group
// The largest group's radius, as a share of the drawing's shorter side; the
// rest in that radius: names and counts readable beside the discs (whose
// areas are as their members' counts), and room between discs for the edges
// and their labels.
const GROUP_SHARE = 0.12;
const GROUP_FONT = 0.25;
const GROUP_GAP = 1;

/**
 * Move discs apart, pair by pair, until none overlaps: the members' centres
 * of two groups may lie close (a mixed layout), their discs must not.
 * @param {vis.Point[]} centres changed in place
 * @param {number[]} radii
 */
function apart(centres, radii) {
  for (let round = 0; round < 50; round += 1) {
    let moved = false;
    centres.forEach((p, i) => centres.forEach((q, j) => {
      if (j <= i) return;
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const distance = Math.hypot(dx, dy);
      const overlap = radii[i] + radii[j] - distance;
      if (overlap <= 0) return;
      // Coincident centres part along the x axis.
      const [ux, uy] = distance > 0 ? [dx / distance, dy / distance] : [1, 0];
      p.x -= (ux * overlap) / 2;
      p.y -= (uy * overlap) / 2;
      q.x += (ux * overlap) / 2;
      q.y += (uy * overlap) / 2;
      moved = true;
    }));
    if (!moved) return;
  }
}
const GROUP_VIEW_PX = 320; // the drawing's side
// From this many actors the toolbar offers the group view: a small network
// is its own overview (and a phone's toolbar keeps its room).
const GROUPS_FROM_ACTORS = 100;
const GROUP_MAX_R = 46; // the largest group's radius, px

/**
 * @param {ModeKit} kit
 * @returns {Mode}
 */
function groupsView(kit) {
  const app = kit.app;
  const state = app.state;
  const data = app.model.data;
  const groups = data.legend.camps;
  const panel = kit.panel("groups-panel", "Groups: who supports and opposes whom");
  const toggle = groups.length >= 2 && data.nodes.length >= GROUPS_FROM_ACTORS ? kit.toggle("groups", "Groups") : null;

  /**
   * Ties between actors: one per pair, its relations' summed sign (as much
   * opposition as support counts as opposition).
   * @param {Set<number>} shown
   * @returns {Map<string, number>} by pairKey
   */
  function ties(shown) {
    /** @type {Map<string, number>} */
    const pairs = new Map();
    shown.forEach((id) => {
      const relation = /** @type {SceneEdge} */ (app.model.relations.get(id));
      if (relation.sign === 0 || relation.from === relation.to) return;
      const key = pairKey(relation.from, relation.to);
      pairs.set(key, (pairs.get(key) || 0) + relation.sign);
    });
    return pairs;
  }

  /**
   * Ties between actors (one per pair, its relations' summed sign), counted
   * by pair of groups and sign.
   * @param {Set<number>} shown
   * @returns {Map<string, {a: string, b: string, support: number, opposition: number}>}
   */
  function blocks(shown) {
    const pairs = ties(shown);
    const groupOf = new Map(data.nodes.map((a) => [a.id, a.camp]));
    /** @type {Map<string, {a: string, b: string, support: number, opposition: number}>} */
    const counted = new Map();
    pairs.forEach((sum, key) => {
      const [u, v] = key.split("|");
      const [a, b] = [String(groupOf.get(u)), String(groupOf.get(v))].sort(compareText);
      const block = counted.get(a + "|" + b) || { a: a, b: b, support: 0, opposition: 0 };
      if (sum > 0) block.support += 1;
      else block.opposition += 1; // as much opposition as support counts as opposition
      counted.set(a + "|" + b, block);
    });
    return counted;
  }

  /**
   * @param {string} tag
   * @param {Record<string, string | number>} attributes
   * @param {string} [text]
   */
  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @type {Set<string>} */
  const opened = new Set(); // the groups shown as their members
  /** @type {Set<number>} */
  let every = new Set(); // the relations the filters show, before folding
  /** @type {Set<string>} */
  let hidden = new Set(); // the actors folded into their group's node
  const members = new Map(groups.map((g) => [g.camp, data.nodes.filter((a) => a.camp === g.camp)]));
  const campOf = new Map(data.nodes.map((a) => [a.id, a.camp]));

  /** @param {string} camp */
  function open(camp) {
    opened.add(camp);
    app.update();
  }

  /**
   * The relations drawn in the group view: those between actors shown, an
   * actor being shown when its group is open or it is the selected actor's
   * neighbour. A selected actor's group opens (a search finds any actor).
   * @param {Set<number>} shown
   * @returns {Set<number>}
   */
  function fold(shown) {
    every = shown;
    const selected = state.selected;
    const around = new Set();
    if (selected !== null && campOf.has(selected)) {
      opened.add(String(campOf.get(selected)));
      shown.forEach((id) => {
        const relation = /** @type {SceneEdge} */ (app.model.relations.get(id));
        if (relation.from === selected) around.add(relation.to);
        if (relation.to === selected) around.add(relation.from);
      });
    }
    hidden = new Set(data.nodes.filter((a) => !opened.has(a.camp) && !around.has(a.id)).map((a) => a.id));
    return new Set(
      Array.from(shown).filter((id) => {
        const relation = /** @type {SceneEdge} */ (app.model.relations.get(id));
        return !hidden.has(relation.from) && !hidden.has(relation.to);
      })
    );
  }

  /**
   * The folded groups' nodes and the edges between them, in the network's
   * DataSets: a node at its members' centre, its area their shapes' total
   * area; an edge per pair of groups and sign, as wide as its share.
   * @param {Map<string, {a: string, b: string, support: number, opposition: number}>} counted
   */
  function network(counted) {
    const items = kit.items;
    const folded = groups.filter((g) => !opened.has(g.camp) && g.actors > 0);
    const positions = items.nodes.get(data.nodes.map((a) => a.id));
    const at = new Map(positions.map((n) => [n.id, { x: Number(n.x), y: Number(n.y) }]));
    // Sized for the whole drawing, whose spread keeps names apart: the
    // members' own shapes would make a dot of a group of thousands.
    const spread = drawingBox(data.nodes, (a) => at.get(a.id) || a);
    const largest = Math.max(...folded.map((g) => g.actors), 1);
    const unit = Math.max(GROUP_SHARE * Math.min(spread.right - spread.left, spread.bottom - spread.top), data.label_size);
    const radius = new Map(folded.map((g) => [g.camp, unit * Math.sqrt(g.actors / largest)]));
    const centres = folded.map((g) => {
      const own = /** @type {SceneNode[]} */ (members.get(g.camp));
      return own.reduce((c, a) => {
        const p = at.get(a.id) || a;
        return { x: c.x + p.x / own.length, y: c.y + p.y / own.length };
      }, { x: 0, y: 0 });
    });
    apart(centres, folded.map((g) => Number(radius.get(g.camp)) + unit * GROUP_GAP));
    /** @type {vis.NodeItem[]} */
    const groupNodes = folded.map((g, i) => {
      const centre = centres[i];
      const inside = counted.get(g.camp + "|" + g.camp);
      const total = inside ? inside.support + inside.opposition : 0;
      const ties = inside && total
        ? "\ninside: " + inside.support + " support (" + Math.round((100 * inside.support) / total) + " %), " +
          inside.opposition + " opposition (" + Math.round((100 * inside.opposition) / total) + " %)"
        : "";
      return {
        id: GROUP_NODE + g.camp,
        label: g.camp + " (" + g.actors + ")" + ties,
        x: centre.x,
        y: centre.y,
        size: radius.get(g.camp),
        shape: "dot",
        color: { background: g.colour, border: "#111111", highlight: { background: g.colour, border: "#000000" }, hover: { background: g.colour, border: "#000000" } },
        font: { size: unit * GROUP_FONT, color: "#000000", strokeWidth: unit * GROUP_FONT / 3, vadjust: 0 },
      };
    });
    /** @type {vis.EdgeItem[]} */
    const groupTies = [];
    counted.forEach((block) => {
      if (block.a === block.b || opened.has(block.a) || opened.has(block.b)) return;
      const total = block.support + block.opposition;
      [["support", block.support], ["opposition", block.opposition]].forEach(([sign, count]) => {
        if (!count) return;
        const share = Number(count) / total;
        groupTies.push({
          id: GROUP_TIE + block.a + "|" + block.b + "|" + sign,
          from: GROUP_NODE + block.a,
          to: GROUP_NODE + block.b,
          label: count + " " + sign + " (" + Math.round(100 * share) + " %)",
          width: unit * (0.02 + 0.18 * share),
          dashes: sign === "opposition" ? [unit * 0.15, unit * 0.1] : false,
          color: { color: "#111111", opacity: 1 },
          // Support and opposition between the same two groups curve to either side.
          smooth: { enabled: true, type: sign === "support" ? "curvedCW" : "curvedCCW", roundness: 0.15 },
          arrows: { to: { enabled: false } },
          font: { size: unit * GROUP_FONT * 0.8, strokeWidth: unit * GROUP_FONT / 4, align: "middle" },
        });
      });
    });
    // An open group's members keep their ties to the folded groups: one
    // edge per actor, folded group and sign, wider for more ties.
    /** @type {Map<string, {actor: string, camp: string, sign: string, count: number}>} */
    const outward = new Map();
    ties(every).forEach((sum, key) => {
      const [u, v] = key.split("|");
      const [inner, outer] = hidden.has(u) ? [v, u] : [u, v];
      if (hidden.has(inner) || !hidden.has(outer)) return;
      const camp = String(campOf.get(outer));
      const sign = sum > 0 ? "support" : "opposition";
      // Ids, never split again: a camp's name may hold any character.
      const id = MEMBER_TIE + JSON.stringify([inner, camp, sign]);
      const tie = outward.get(id) || { actor: inner, camp: camp, sign: sign, count: 0 };
      tie.count += 1;
      outward.set(id, tie);
    });
    outward.forEach((tie, id) => {
      groupTies.push({
        id: id,
        from: tie.actor,
        to: GROUP_NODE + tie.camp,
        width: data.label_size * (0.1 + 0.05 * Math.min(tie.count, 10)),
        dashes: tie.sign === "opposition" ? [data.label_size * 0.4, data.label_size * 0.3] : false,
        color: { color: "#777777", opacity: 1 },
        smooth: { enabled: false },
        arrows: { to: { enabled: false } },
      });
    });
    clear();
    items.nodes.add(groupNodes);
    items.edges.add(groupTies);
  }

  // The group view's own items out of the network.
  function clear() {
    const items = kit.items;
    items.edges.remove(items.edges.getIds({ filter: (e) => String(e.id).startsWith(GROUP_TIE) }));
    items.nodes.remove(items.nodes.getIds({ filter: (n) => String(n.id).startsWith(GROUP_NODE) }));
  }

  function draw() {
    const content = panel.querySelector(".mode-body") || panel.appendChild(element("div", null, "mode-body"));
    content.replaceChildren();
    const byPair = blocks(every);
    network(byPair);
    const largest = Math.max(...groups.map((g) => g.actors), 1);
    const centre = GROUP_VIEW_PX / 2;
    const ring = groups.length === 1 ? 0 : centre - GROUP_MAX_R - 4;
    const at = new Map(groups.map((g, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / groups.length;
      return [g.camp, { x: centre + ring * Math.cos(angle), y: centre + ring * Math.sin(angle), r: 6 + (GROUP_MAX_R - 6) * Math.sqrt(g.actors / largest) }];
    }));
    const picture = svg("svg", { viewBox: "0 0 " + GROUP_VIEW_PX + " " + GROUP_VIEW_PX, role: "img", class: "group-view" });
    picture.appendChild(svg("title", {}, "Groups and the ties between them"));
    const list = element("ul");
    list.id = "group-ties";
    byPair.forEach((block) => {
      const total = block.support + block.opposition;
      const p = at.get(block.a);
      const q = at.get(block.b);
      [["support", block.support, 0], ["opposition", block.opposition, 1]].forEach(([sign, count, side]) => {
        if (!count || !p || !q) return;
        const share = Math.round((100 * Number(count)) / total);
        const item = element("li", (block.a === block.b ? "Inside " + block.a : block.a + " – " + block.b) +
          ": " + counted(Number(count), sign + " tie") + " (" + share + " %)");
        item.dataset.pair = block.a + "|" + block.b;
        item.dataset.sign = String(sign);
        item.dataset.ties = String(count);
        list.appendChild(item);
        if (block.a === block.b) return; // inside a group: listed, and counted on its disc
        // Support and opposition side by side, each as wide as its share.
        const shift = side ? 3 : -3;
        picture.appendChild(svg("line", {
          x1: p.x + shift, y1: p.y + shift, x2: q.x + shift, y2: q.y + shift,
          stroke: "#111111", "stroke-width": 1 + 7 * Number(count) / total,
          "stroke-dasharray": sign === "opposition" ? "6 4" : "none",
        }));
      });
    });
    groups.forEach((g) => {
      const p = /** @type {{x: number, y: number, r: number}} */ (at.get(g.camp));
      const disc = svg("circle", { cx: p.x, cy: p.y, r: p.r, fill: g.colour, stroke: "#111111", "stroke-width": 1.5 });
      disc.appendChild(svg("title", {}, g.camp + " (" + g.actors + ")"));
      picture.appendChild(disc);
      picture.appendChild(svg("text", { x: p.x, y: p.y + p.r + 12, "text-anchor": "middle", "font-size": 11, class: "group-name" }, g.camp + " (" + g.actors + ")"));
    });
    content.appendChild(picture);
    content.appendChild(element("p", "Solid: support; dashed: opposition; the wider, the larger its share of the ties between the two groups. " +
      "Colours: " + data.legend.colour_by.how + ".", "note"));
    const buttons = element("p");
    buttons.id = "group-open";
    groups.forEach((g) => {
      const opener = button("Open " + g.camp + " (" + g.actors + ")", () => open(g.camp));
      opener.disabled = opened.has(g.camp);
      buttons.appendChild(opener);
    });
    buttons.appendChild(button("Fold all", () => {
      opened.clear();
      app.select(null);
    }));
    content.append(buttons, list);
  }

  return {
    name: "groups",
    toggle: toggle,
    panel: panel,
    enter: () => opened.clear(),
    draw: draw,
    colours: () => null,
    named: () => [],
    hide: fold,
    folded: () => hidden,
    leave: clear,
    clicked: (id) => {
      if (!id.startsWith(GROUP_NODE)) return false;
      open(id.slice(GROUP_NODE.length));
      return true;
    },
    overlay: () => {},
  };
}
