// @ts-check
// The group view, a signed block image: one disc per group (the data's camps,
// or the sides balance finds, scene.legend.colour_by), sized by its members,
// and one line per pair of groups and sign with its count and share of the
// pair's ties: support inside and opposition between where balance holds.
// Readable at any size, it is what the page opens on above the scene's
// labelled_up_to actors. Opening a group shows its members in the network
// (the other groups filtered out, as the Camp filter does); search still
// finds any actor.

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
   * Ties between actors (one per pair, its relations' summed sign), counted
   * by pair of groups and sign.
   * @param {Set<number>} shown
   * @returns {Map<string, {a: string, b: string, support: number, opposition: number}>}
   */
  function blocks(shown) {
    /** @type {Map<string, number>} */
    const pairs = new Map();
    shown.forEach((id) => {
      const relation = /** @type {SceneEdge} */ (app.model.relations.get(id));
      if (relation.sign === 0 || relation.from === relation.to) return;
      const key = pairKey(relation.from, relation.to);
      pairs.set(key, (pairs.get(key) || 0) + relation.sign);
    });
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

  /** @param {string} camp */
  function open(camp) {
    state.off.camp = new Set(groups.map((g) => g.camp).filter((g) => g !== camp));
    state.views.mode = "";
    app.update();
  }

  /** @param {Set<number>} shown */
  function draw(shown) {
    const content = panel.querySelector(".mode-body") || panel.appendChild(element("div", null, "mode-body"));
    content.replaceChildren();
    const counted = blocks(shown);
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
    counted.forEach((block) => {
      const total = block.support + block.opposition;
      const p = at.get(block.a);
      const q = at.get(block.b);
      [["support", block.support, 0], ["opposition", block.opposition, 1]].forEach(([sign, count, side]) => {
        if (!count || !p || !q) return;
        const share = Math.round((100 * Number(count)) / total);
        const item = element("li", (block.a === block.b ? "Inside " + block.a : block.a + " – " + block.b) +
          ": " + count + " " + sign + " ties (" + share + " %)");
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
    groups.forEach((g) => buttons.appendChild(button("Open " + g.camp + " (" + g.actors + ")", () => open(g.camp))));
    content.append(buttons, list);
  }

  return {
    name: "groups",
    toggle: toggle,
    panel: panel,
    enter: () => {},
    draw: draw,
    colours: () => null,
    named: () => [],
    hide: (shown) => shown,
    overlay: () => {},
  };
}
