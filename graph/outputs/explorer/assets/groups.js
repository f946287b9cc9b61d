// @ts-check
// The group view, a signed block image: one node per group (the data's camps,
// or the sides balance finds, scene.legend.colour_by), sized by its members,
// and one edge per pair of groups and sign with its count and share of the
// pair's ties: support inside and opposition between where balance holds.
// Readable at any size, it is what the page opens on above the scene's
// labelled_up_to actors. It is drawn in the network itself: the actors of a
// folded group leave the network and its node stands at their centre;
// clicking (tapping) a group, or its Open button, shows its members in place
// while the others stay folded (state.open, kept in the link); a search shows
// the actor with its neighbours and their ties (its ego network) among the
// folded groups, never its whole group. Opening what would draw more than
// the scene's drawn_relations_up_to relations says so first and offers a
// search or a month instead. The panel says the same in words and a small
// picture (blocks.js; the accessible description).
//
// A slider step recounts the ties by pair of groups: from typed arrays of
// each relation's ends and tie, made once, not by walking objects.
//
// Over 400 lines: the view's state (the typed arrays, the open groups, what
// is drawn and what was refused) and the functions that read and change it;
// the panel's picture, which needs none of it, is blocks.js.

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
// Room left around a group's disc and name, in that radius: the ties
// between two groups and their counts run through it.
const GROUP_GAP = 0.5;
// Many groups on a grid (the drawing too small for them where their
// members lie): discs at this share of their size, room of this share
// around them, so that their names, which carry the counts, keep a
// readable size.
const CROWDED_DISCS = 0.5;
const CROWDED_GAP = 0.25;
// Crowded names drawn smaller than this share of the actors' go without their counts.
const BARE_BELOW = 0.75;

/**
 * Move groups' rooms (disc and name) apart, pair by pair, until
 * none overlaps, inside the drawing's box: the members' centres of two
 * groups may lie close (a mixed layout), their discs and names must not,
 * and a name past the box's edge would be cut off the canvas (room.js).
 * @param {Room[]} rooms changed in place
 * @param {Box} inside
 * @param {number} extra how much further than their overlap a push moves a pair
 */
function apart(rooms, inside, extra) {
  rooms.forEach((room) => keepInside(room, inside));
  for (let round = 0; round < ROOM_ROUNDS; round += 1) {
    let moved = false;
    rooms.forEach((a, i) => rooms.slice(i + 1).forEach((b) => {
      if (overlapAcross(a, b) <= 0 || overlapDown(a, b) <= 0) return;
      moved = true;
      if (overlapAcross(a, b) < overlapDown(a, b)) pushAcross(a, b, extra);
      else pushDown(a, b, extra);
      keepInside(a, inside);
      keepInside(b, inside);
    }));
    if (!moved) return;
  }
}

/**
 * Whether two rooms still overlap.
 * @param {Room[]} rooms
 */
function crowding(rooms) {
  return rooms.some((a, i) => rooms.slice(i + 1).some((b) => overlapAcross(a, b) > 0 && overlapDown(a, b) > 0));
}

/**
 * Put rooms on a grid centred on a box, each cell as wide and tall as the
 * widest and tallest room, in the number of columns that lets the grid be
 * largest inside the box: rows from the top by the rooms' y, each row from
 * the left by their x, so a group keeps roughly its side of the drawing.
 * @param {Room[]} rooms changed in place
 * @param {Box} box
 * @returns {number} how much larger the grid could be and fit the box (below 1: smaller)
 */
function grid(rooms, box) {
  const wide = Math.max(...rooms.map((r) => r.right - r.left));
  const tall = Math.max(...rooms.map((r) => r.bottom - r.top));
  /** @param {number} columns */
  const fits = (columns) => Math.min((box.right - box.left) / (columns * wide), (box.bottom - box.top) / (Math.ceil(rooms.length / columns) * tall));
  let columns = 1;
  for (let c = 2; c <= rooms.length; c += 1) if (fits(c) > fits(columns)) columns = c;
  const rows = Math.ceil(rooms.length / columns);
  const order = rooms.slice().sort((a, b) => a.y - b.y || a.x - b.x);
  for (let row = 0; row < rows; row += 1) {
    const line = order.slice(row * columns, (row + 1) * columns).sort((a, b) => a.x - b.x);
    line.forEach((room, column) => {
      // A room's point is not its box's middle (a name under a small disc).
      room.x = (box.left + box.right) / 2 + (column - (line.length - 1) / 2) * wide - (room.left + room.right) / 2;
      room.y = (box.top + box.bottom) / 2 + (row - (rows - 1) / 2) * tall - (room.top + room.bottom) / 2;
    });
  }
  return fits(columns);
}

/**
 * How wide lines of text are drawn in a font.
 * @param {string[]} lines
 * @param {string} font a CSS font ("12px sans-serif")
 */
function textWidth(lines, font) {
  const context = /** @type {CanvasRenderingContext2D} */ (document.createElement("canvas").getContext("2d"));
  context.font = font;
  return Math.max(...lines.map((line) => context.measureText(line).width));
}

// From this many actors the toolbar offers the group view: a small network
// is its own overview (and a phone's toolbar keeps its room).
const GROUPS_FROM_ACTORS = 100;
// Up to this many groups the panel draws them on a ring; more, as a matrix.
const RING_UP_TO = 4;
const BEHIND = 0.35; // opacity of the folded groups behind a searched actor's neighbours

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
  const budget = data.drawn_relations_up_to || Infinity;

  // ------------------------------------------- the scene in typed arrays
  // Groups by index, in the order a reader sorts their names: a pair of
  // groups is (lower, higher). A tie is one pair of actors with a signed
  // relation (its relations' summed sign: as much opposition as support
  // counts as opposition); a relation's id is its index in data.edges.
  const names = groups.map((g) => g.camp).sort(compareText);
  const rank = new Map(names.map((name, i) => [name, i]));
  const actorIndex = new Map(data.nodes.map((a, i) => [a.id, i]));
  const groupOf = Int32Array.from(data.nodes, (a) => (rank.has(a.camp) ? Number(rank.get(a.camp)) : -1));
  const from = Int32Array.from(data.edges, (r) => Number(actorIndex.get(r.from)));
  const to = Int32Array.from(data.edges, (r) => Number(actorIndex.get(r.to)));
  const sign = Int8Array.from(data.edges, (r) => r.sign);
  const tieOf = new Int32Array(data.edges.length).fill(-1);
  /** @type {number[]} */
  const ends = []; // the actors of tie t at 2t and 2t + 1
  /** @type {Map<string, number>} */
  const tieByPair = new Map();
  data.edges.forEach((r, i) => {
    if (r.sign === 0 || r.from === r.to) return;
    const key = pairKey(r.from, r.to);
    let tie = tieByPair.get(key);
    if (tie === undefined) {
      tie = ends.length / 2;
      tieByPair.set(key, tie);
      ends.push(from[i], to[i]);
    }
    tieOf[i] = tie;
  });
  const tieEnds = Int32Array.from(ends);

  /**
   * The ties with a relation shown, and each tie's summed sign.
   * @param {Set<number>} shown
   * @returns {{ties: Int32Array, sums: Int32Array}} sums by tie
   */
  function tally(shown) {
    const sums = new Int32Array(tieEnds.length / 2);
    const seen = new Uint8Array(sums.length);
    /** @type {number[]} */
    const ties = [];
    shown.forEach((id) => {
      const tie = tieOf[id];
      if (tie < 0) return;
      if (!seen[tie]) {
        seen[tie] = 1;
        ties.push(tie);
      }
      sums[tie] += sign[id];
    });
    return { ties: Int32Array.from(ties), sums: sums };
  }

  /**
   * Ties counted by pair of groups and sign.
   * @param {{ties: Int32Array, sums: Int32Array}} tallied
   * @returns {Map<string, GroupPair>} by "a|b"
   */
  function blocks(tallied) {
    const n = names.length;
    const cells = new Int32Array(n * n * 2); // (lower, higher, sign) -> ties
    tallied.ties.forEach((tie) => {
      const a = groupOf[tieEnds[2 * tie]];
      const b = groupOf[tieEnds[2 * tie + 1]];
      if (a < 0 || b < 0) return;
      cells[(Math.min(a, b) * n + Math.max(a, b)) * 2 + (tallied.sums[tie] > 0 ? 0 : 1)] += 1;
    });
    /** @type {Map<string, GroupPair>} */
    const pairs = new Map();
    for (let a = 0; a < n; a += 1) {
      for (let b = a; b < n; b += 1) {
        const cell = (a * n + b) * 2;
        if (cells[cell] || cells[cell + 1]) {
          pairs.set(names[a] + "|" + names[b], { a: names[a], b: names[b], support: cells[cell], opposition: cells[cell + 1] });
        }
      }
    }
    return pairs;
  }

  /** @type {Set<number>} */
  let every = new Set(); // the relations the filters show, before folding
  let tallied = tally(every); // their ties
  let visible = new Uint8Array(data.nodes.length); // the actors drawn, by index
  /** @type {Set<string>} */
  let hidden = new Set(); // the actors folded into their group's node
  /** @type {{camps: string[], actors: number, relations: number} | null} */
  let refused = null; // what opening would have drawn, over the budget
  const members = new Map(groups.map((g) => [g.camp, data.nodes.filter((a) => a.camp === g.camp)]));

  /**
   * The actors and relations drawn once more groups are open.
   * @param {Set<string>} more
   */
  function wouldDraw(more) {
    const shows = Uint8Array.from(visible, (drawn, i) => (drawn || (groupOf[i] >= 0 && more.has(names[groupOf[i]])) ? 1 : 0));
    let relations = 0;
    every.forEach((id) => {
      if (shows[from[id]] && shows[to[id]]) relations += 1;
    });
    return { actors: shows.reduce((sum, drawn) => sum + drawn, 0), relations: relations };
  }

  /**
   * Show groups as their members, unless that would draw more than the
   * budget: then the panel says so and offers another way (forced: open anyway).
   * @param {string[]} camps
   * @param {boolean} [forced]
   */
  function open(camps, forced = false) {
    const cost = wouldDraw(new Set(camps));
    refused = !forced && cost.relations > budget ? { camps: camps, ...cost } : null;
    if (refused === null) camps.forEach((camp) => state.open.add(camp));
    app.update();
  }

  /**
   * The relations drawn in the group view: those between actors shown, an
   * actor being shown when its group is open, or it is the selected actor
   * or its neighbour (a search finds any actor).
   * @param {Set<number>} shown
   * @returns {Set<number>}
   */
  function fold(shown) {
    every = shown;
    tallied = tally(shown);
    visible = Uint8Array.from(data.nodes, (a) => (state.open.has(a.camp) ? 1 : 0));
    const selected = state.selected === null ? undefined : actorIndex.get(state.selected);
    if (selected !== undefined) {
      visible[selected] = 1;
      shown.forEach((id) => {
        if (from[id] === selected) visible[to[id]] = 1;
        else if (to[id] === selected) visible[from[id]] = 1;
      });
    }
    hidden = new Set();
    data.nodes.forEach((a, i) => visible[i] || hidden.add(a.id));
    /** @type {Set<number>} */
    const kept = new Set();
    shown.forEach((id) => {
      if (visible[from[id]] && visible[to[id]]) kept.add(id);
    });
    return kept;
  }

  /**
   * The folded groups' nodes and the edges between them, in the network's
   * DataSets: a node at its members' centre, its area their shapes' total
   * area; an edge per pair of groups and sign, as wide as its share.
   * @param {Map<string, GroupPair>} pairs
   */
  function network(pairs) {
    const items = kit.items;
    const folded = groups.filter((g) => !state.open.has(g.camp) && g.actors > 0);
    const behind = state.selected !== null ? BEHIND : 1; // a searched actor's neighbours come first
    // Sized for the whole drawing, whose spread keeps names apart: the
    // members' own shapes would make a dot of a group of thousands.
    const spread = drawingBox(data.nodes, items.at);
    const largest = Math.max(...folded.map((g) => g.actors), 1);
    const unit = Math.max(GROUP_SHARE * Math.min(spread.right - spread.left, spread.bottom - spread.top), data.label_size);
    const centres = folded.map((g) => {
      const own = /** @type {SceneNode[]} */ (members.get(g.camp));
      return own.reduce((c, a) => {
        const p = items.at(a);
        return { x: c.x + p.x / own.length, y: c.y + p.y / own.length };
      }, { x: 0, y: 0 });
    });
    const face = getComputedStyle(document.body).fontFamily;
    /**
     * Each group's disc with its name across it (vis-network's lines are
     * one font size apart): under it, the tie from a large group to a small
     * one below ran through the name, its count written over it. A disc
     * less than twice as tall as its name has it below (vis-network writes a
     * dot's name from half a line under its bottom edge down), where it
     * hides no disc.
     * @param {number} size the largest disc's radius, its name's font in it, the room around it
     * @param {boolean} crowded the count inside on two lines, smaller discs
     * @param {boolean} [bare] names alone, the counts inside left to the panel
     */
    function place(size, crowded, bare = false) {
      const scale = crowded ? CROWDED_DISCS : 1;
      const radius = new Map(folded.map((g) => [g.camp, scale * size * Math.sqrt(g.actors / largest)]));
      const font = size * GROUP_FONT;
      const pad = size * (crowded ? CROWDED_GAP : GROUP_GAP);
      const labels = folded.map((g) => {
        const inside = pairs.get(g.camp + "|" + g.camp);
        const lines = [g.camp + " (" + g.actors + ")"];
        if (bare) return lines;
        if (inside && crowded) lines.push("inside: " + inside.support + " support,", inside.opposition + " opposition");
        else if (inside) lines.push("inside: " + inside.support + " support, " + inside.opposition + " opposition");
        return lines;
      });
      const tall = labels.map((lines) => font * lines.length);
      const wide = labels.map((lines) => textWidth(lines, font + "px " + face));
      const across = folded.map((g, i) => Number(radius.get(g.camp)) >= tall[i]); // twice as tall as its name
      /** @type {Room[]} */
      const rooms = folded.map((g, i) => {
        const r = Number(radius.get(g.camp));
        const half = Math.max(r, wide[i] / 2) + pad;
        const [top, bottom] = across[i] ? [-r, r] : [-r, r + font / 2 + tall[i]];
        return { ...centres[i], left: -half, right: half, top: top - pad, bottom: bottom + pad };
      });
      return { radius: radius, font: font, pad: pad, labels: labels, tall: tall, wide: wide, across: across, rooms: rooms };
    }
    let placed = place(unit, false);
    apart(placed.rooms, spread, placed.pad / 10);
    // Many groups in a small drawing: pushed apart inside it, discs and names
    // still covered each other. They go on a grid instead, row by row in the
    // order of their members' centres, each cell as large as the largest
    // room, the discs smaller and the names on narrower lines: nothing
    // overlaps. Then it is made as large as what the view shows.
    const crowded = crowding(placed.rooms);
    if (crowded) {
      // What the view shows: the drawing, widened or heightened to the canvas's shape.
      const canvas = byId("network");
      const aspect = canvas.clientWidth / Math.max(canvas.clientHeight, 1) || 1;
      const [x, y] = [(spread.left + spread.right) / 2, (spread.top + spread.bottom) / 2];
      const half = Math.max(spread.right - spread.left, (spread.bottom - spread.top) * aspect) / 2;
      const view = { left: x - half, right: x + half, top: y - half / aspect, bottom: y + half / aspect };
      // As large as the view allows (its discs no larger than uncrowded
      // ones); names much smaller on screen than the actors' (a phone's
      // small canvas) go without the counts inside, which the panel lists.
      const wanted = parseFloat(getComputedStyle(canvas).getPropertyValue("--label-px")) || 0;
      const onScreen = fitScale(spread, canvas.clientWidth, canvas.clientHeight);
      const bare = unit * Math.min(grid(place(unit, true).rooms, view), 1 / CROWDED_DISCS) * GROUP_FONT * onScreen < BARE_BELOW * wanted;
      placed = place(unit, true, bare);
      placed = place(unit * Math.min(grid(placed.rooms, view), 1 / CROWDED_DISCS), true, bare);
      grid(placed.rooms, view);
    }
    const { radius, font, labels, tall, wide, across, rooms } = placed;
    // The groups' names, which the open groups' members' names keep off
    // (with a margin for their white outline).
    const named = behind === 1 ? folded : [];
    const margin = font / 4;
    items.cover(named.map((g, i) => {
      const top = across[i] ? rooms[i].y - tall[i] / 2 : rooms[i].y + Number(radius.get(g.camp)) + font / 2;
      const half = wide[i] / 2 + margin;
      return { left: rooms[i].x - half, right: rooms[i].x + half, top: top - margin, bottom: top + tall[i] + margin };
    }));
    /** @type {vis.NodeItem[]} */
    const groupNodes = folded.map((g, i) => {
      return {
        id: GROUP_NODE + g.camp,
        // Behind a searched actor's neighbours, zoomed in, a group's name
        // (sized for the whole drawing) would fill the view: the panel names it.
        label: behind === 1 ? labels[i].join("\n") : "",
        x: rooms[i].x,
        y: rooms[i].y,
        size: radius.get(g.camp),
        shape: "dot",
        opacity: behind,
        color: fillColour(g.colour),
        font: { size: font, face: face, color: "#000000", strokeWidth: font / 3, vadjust: across[i] ? -Number(radius.get(g.camp)) - font / 2 - tall[i] / 2 : 0 },
      };
    });
    /** @type {vis.EdgeItem[]} */
    const groupTies = [];
    pairs.forEach((block) => {
      // Behind a searched actor, zoomed in, they would be bands across its neighbours.
      if (behind !== 1 || block.a === block.b || state.open.has(block.a) || state.open.has(block.b)) return;
      const total = block.support + block.opposition;
      [["support", block.support], ["opposition", block.opposition]].forEach(([sign, count]) => {
        if (!count) return;
        const share = Number(count) / total;
        groupTies.push({
          id: GROUP_TIE + block.a + "|" + block.b + "|" + sign,
          from: GROUP_NODE + block.a,
          to: GROUP_NODE + block.b,
          // Crowded, a pair's count would lie over other groups' discs and
          // names: the panel lists it.
          label: crowded ? undefined : count + " " + sign + " (" + Math.round(100 * share) + " %)",
          // Crowded, thinner: dozens of pairs' edges cross the names.
          width: unit * (0.02 + (crowded ? 0.06 : 0.18) * share),
          dashes: sign === "opposition" ? [unit * 0.15, unit * 0.1] : false,
          color: { color: "#111111", opacity: 1 },
          // Support and opposition between the same two groups curve to either side.
          smooth: { enabled: true, type: sign === "support" ? "curvedCW" : "curvedCCW", roundness: 0.15 },
          arrows: { to: { enabled: false } },
          // Level, support's above opposition's: turned along a short, steep
          // tie, or side by side at its middle, they were unreadable.
          font: { size: font * 0.9, strokeWidth: font / 3, align: "horizontal", vadjust: (sign === "support" ? -0.75 : 0.75) * font },
        });
      });
    });
    // The members shown keep their ties to the folded groups: one edge per
    // actor, folded group and sign, wider for more ties.
    /** @type {Map<string, {actor: string, camp: string, sign: string, count: number}>} */
    const outward = new Map();
    tallied.ties.forEach((tie) => {
      const [u, v] = [tieEnds[2 * tie], tieEnds[2 * tie + 1]];
      if (visible[u] === visible[v]) return;
      const [inner, outer] = visible[u] ? [u, v] : [v, u];
      if (groupOf[outer] < 0) return;
      const actor = data.nodes[inner].id;
      const camp = names[groupOf[outer]];
      const sign = tallied.sums[tie] > 0 ? "support" : "opposition";
      // Ids, never split again: a camp's name may hold any character.
      const id = MEMBER_TIE + JSON.stringify([actor, camp, sign]);
      const member = outward.get(id) || { actor: actor, camp: camp, sign: sign, count: 0 };
      member.count += 1;
      outward.set(id, member);
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

  /**
   * What opening would draw, over the budget, and the ways offered instead.
   * @param {{camps: string[], actors: number, relations: number}} what
   */
  function refusal(what) {
    const box = element("div", null, "note");
    box.id = "group-budget";
    box.setAttribute("role", "status");
    const asked = what.camps.length === 1 ? "Opening " + what.camps[0] : "Unfolding every group";
    box.appendChild(element("p", asked + " would draw " + what.actors.toLocaleString("en") + " actors and " +
      what.relations.toLocaleString("en") + " relations, more than the " + budget.toLocaleString("en") +
      " this page draws at once without seconds per picture. Search an actor to see it with its neighbours" +
      (state.period === null && data.months.length ? ", or show one month." : ".")));
    const choices = element("p");
    if (state.period === null && data.months.length) {
      const month = data.months[data.months.length - 1];
      choices.appendChild(button("Show " + month.label, () => {
        state.period = month;
        refused = null;
        app.update(); // the month's relations, which open() counts again
        open(what.camps);
      }));
    }
    choices.appendChild(button("Open anyway", () => open(what.camps, true)));
    box.appendChild(choices);
    return box;
  }

  function draw() {
    const content = panel.querySelector(".mode-body") || panel.appendChild(element("div", null, "mode-body"));
    content.replaceChildren();
    // First, in sight: the group clicked may be on the canvas, far from the panel's buttons.
    if (refused !== null) content.appendChild(refusal(refused)).scrollIntoView({ block: "nearest" });
    const pairs = blocks(tallied);
    network(pairs);
    const list = element("ul");
    list.id = "group-ties";
    pairs.forEach((block) => {
      const total = block.support + block.opposition;
      [["support", block.support], ["opposition", block.opposition]].forEach(([sign, count]) => {
        if (!count) return;
        const share = Math.round((100 * Number(count)) / total);
        const item = element("li", (block.a === block.b ? "Inside " + block.a : block.a + " – " + block.b) +
          ": " + counted(Number(count), sign + " tie") + " (" + share + " %)");
        item.dataset.pair = block.a + "|" + block.b;
        item.dataset.sign = String(sign);
        item.dataset.ties = String(count);
        list.appendChild(item);
      });
    });
    if (groups.length <= RING_UP_TO) {
      content.appendChild(groupRing(groups, pairs));
      content.appendChild(element("p", "Solid: support; dashed: opposition; the wider, the larger its share of the ties between the two groups. " +
        "Colours: " + data.legend.colour_by.how + ".", "note"));
    } else {
      content.appendChild(groupMatrix(groups, names, pairs));
      content.appendChild(element("p", "A row and a column per group; a cell, the ties between the two (on the diagonal, inside the group): " +
        "the darker, the larger opposition's share; white, all support; crossed, no tie. The counts are listed below. " +
        "Colours: " + data.legend.colour_by.how + ".", "note"));
    }
    const buttons = element("p");
    buttons.id = "group-open";
    const shut = groups.filter((g) => g.actors > 0 && !state.open.has(g.camp)).map((g) => g.camp);
    groups.forEach((g) => {
      const opener = button("Open " + g.camp + " (" + g.actors + ")", () => open([g.camp]));
      opener.disabled = state.open.has(g.camp);
      buttons.appendChild(opener);
    });
    const unfold = button("Unfold all", () => open(shut));
    unfold.disabled = !shut.length;
    buttons.appendChild(unfold);
    buttons.appendChild(button("Fold all", () => {
      state.open.clear();
      refused = null;
      app.select(null);
    }));
    content.append(buttons, list);
  }

  return {
    name: "groups",
    toggle: toggle,
    panel: panel,
    enter: () => {
      state.open.clear();
      refused = null;
    },
    draw: draw,
    colours: () => null,
    named: () => [],
    hide: fold,
    folded: () => hidden,
    leave: () => {
      clear();
      kit.items.cover([]);
    },
    // Leaving draws every relation: past the budget, the panel says so first
    // (its "Open anyway" opens every group, after which the view may be left).
    leaving: () => {
      const shut = groups.filter((g) => g.actors > 0 && !state.open.has(g.camp)).map((g) => g.camp);
      const cost = wouldDraw(new Set(shut));
      if (!shut.length || cost.relations <= budget) return true;
      refused = { camps: shut, ...cost };
      app.update();
      return false;
    },
    clicked: (id) => {
      if (!id.startsWith(GROUP_NODE)) return false;
      open([id.slice(GROUP_NODE.length)]);
      return true;
    },
    overlay: () => {},
  };
}
