// @ts-check
// The group view's picture in its panel (groups.js draws the network): a
// few groups on a ring, a line per pair of groups and sign; more as a block
// matrix, a row and a column per group, each cell shaded by opposition's
// share of the pair's ties. Its words are the panel's list of pairs.

const GROUP_VIEW_PX = 320; // the drawing's side
const GROUP_MAX_R = 46; // the largest group's radius, px
// The matrix's column of names at most, px: the rest is its cells.
const MATRIX_NAMES_UP_TO = 120;

/**
 * @typedef {{a: string, b: string, support: number, opposition: number}} GroupPair
 * the ties between two groups (a = b: inside one), by sign
 */

/**
 * An SVG element holding a text (a title, a name): text, never markup.
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} text
 * @returns {SVGElement}
 */
function svgText(tag, attributes, text) {
  const node = svgElement(tag, attributes);
  node.textContent = text;
  return node;
}

/**
 * A few groups on a ring, a line per pair and sign as wide as its share.
 * @param {readonly LegendCamp[]} groups
 * @param {Map<string, GroupPair>} pairs
 * @returns {SVGElement}
 */
function groupRing(groups, pairs) {
  const largest = Math.max(...groups.map((g) => g.actors), 1);
  const centre = GROUP_VIEW_PX / 2;
  const around = groups.length === 1 ? 0 : centre - GROUP_MAX_R - 4;
  const at = new Map(groups.map((g, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / groups.length;
    return [g.camp, { x: centre + around * Math.cos(angle), y: centre + around * Math.sin(angle), r: 6 + (GROUP_MAX_R - 6) * Math.sqrt(g.actors / largest) }];
  }));
  const picture = svgElement("svg", { viewBox: "0 0 " + GROUP_VIEW_PX + " " + GROUP_VIEW_PX, role: "img", class: "group-view" });
  picture.appendChild(svgText("title", {}, "Groups and the ties between them"));
  pairs.forEach((block) => {
    const total = block.support + block.opposition;
    const p = at.get(block.a);
    const q = at.get(block.b);
    if (block.a === block.b || !p || !q) return; // inside a group: listed, and counted on its disc
    [["support", block.support, 0], ["opposition", block.opposition, 1]].forEach(([sign, count, side]) => {
      if (!count) return;
      // Support and opposition side by side, each as wide as its share.
      const shift = side ? 3 : -3;
      picture.appendChild(svgElement("line", {
        x1: p.x + shift, y1: p.y + shift, x2: q.x + shift, y2: q.y + shift,
        stroke: "#111111", "stroke-width": 1 + 7 * Number(count) / total,
        "stroke-dasharray": sign === "opposition" ? "6 4" : "none",
      }));
    });
  });
  groups.forEach((g) => {
    const p = /** @type {{x: number, y: number, r: number}} */ (at.get(g.camp));
    const disc = svgElement("circle", { cx: p.x, cy: p.y, r: p.r, fill: g.colour, stroke: "#111111", "stroke-width": 1.5 });
    disc.appendChild(svgText("title", {}, g.camp + " (" + g.actors + ")"));
    picture.appendChild(disc);
    // Names of discs off the middle run inwards from the disc's outer edge: they stay in the picture.
    const side = Math.sign(Math.round(p.x - centre));
    const anchor = side === 0 ? "middle" : side < 0 ? "start" : "end";
    picture.appendChild(svgText("text", { x: p.x + side * p.r, y: p.y + p.r + 12, "text-anchor": anchor, "font-size": 11, class: "group-name" }, g.camp + " (" + g.actors + ")"));
  });
  return picture;
}

/**
 * Many groups as a block matrix: on a ring, their pairs' lines made a
 * hairball and the names went under the discs. A row per group, named
 * after its colour's disc; a column per group, headed by its colour; each
 * cell shaded by opposition's share of the pair's ties.
 * @param {readonly LegendCamp[]} groups
 * @param {string[]} names the groups' names, in the order of the rows and columns
 * @param {Map<string, GroupPair>} pairs
 * @returns {SVGElement}
 */
function groupMatrix(groups, names, pairs) {
  const n = names.length;
  const face = getComputedStyle(document.body).fontFamily;
  const byName = new Map(groups.map((g) => [g.camp, g]));
  const titles = names.map((name) => name + " (" + Number(byName.get(name)?.actors) + ")");
  const cell = Math.max(4, Math.min(24, (GROUP_VIEW_PX - MATRIX_NAMES_UP_TO) / n));
  const font = Math.min(11, cell * 0.9);
  const disc = Math.min(cell * 0.4, 5);
  const left = Math.min(MATRIX_NAMES_UP_TO, 2 * disc + 6 + textWidth(titles, font + "px " + face));
  const head = cell + 2;
  const wide = left + n * cell + 1;
  const tall = head + n * cell + 1;
  const picture = svgElement("svg", { viewBox: "0 0 " + wide + " " + tall, role: "img", class: "group-view group-matrix" });
  picture.appendChild(svgText("title", {}, "Groups and the ties between them, as a matrix"));
  // The names' column: a nested svg clips what runs past it.
  const shelf = picture.appendChild(svgElement("svg", { x: 0, y: 0, width: left - 2, height: tall }));
  names.forEach((name, i) => {
    const colour = String(byName.get(name)?.colour);
    const y = head + i * cell;
    const dot = svgElement("circle", { cx: disc + 1, cy: y + cell / 2, r: disc, fill: colour, stroke: "#111111", "stroke-width": 1 });
    dot.appendChild(svgText("title", {}, titles[i]));
    picture.appendChild(dot);
    // A long name is cut at the first column (its disc's title has it whole).
    shelf.appendChild(svgText("text", { x: 2 * disc + 4, y: y + cell / 2, "dominant-baseline": "central", "font-size": font, class: "group-name" }, titles[i]));
    const swatch = svgElement("rect", { x: left + i * cell + 1, y: 0, width: cell - 2, height: cell - 2, fill: colour, stroke: "#111111", "stroke-width": 1 });
    swatch.appendChild(svgText("title", {}, titles[i]));
    picture.appendChild(swatch);
  });
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < n; b += 1) {
      const [lower, higher] = a <= b ? [a, b] : [b, a];
      const block = pairs.get(names[lower] + "|" + names[higher]);
      const x = left + b * cell;
      const y = head + a * cell;
      const total = block ? block.support + block.opposition : 0;
      const box = svgElement("rect", {
        x: x, y: y, width: cell, height: cell, stroke: "#999999", "stroke-width": 0.5,
        fill: total ? "#111111" : "#ffffff", "fill-opacity": total ? (Number(block?.opposition) / total).toFixed(3) : 1,
        class: "group-cell",
      });
      if (block) {
        box.appendChild(svgText("title", {}, (lower === higher ? "Inside " + block.a : block.a + " – " + block.b) + ": " +
          counted(block.support, "support tie") + ", " + counted(block.opposition, "opposition tie")));
      }
      picture.appendChild(box);
      if (!total) picture.appendChild(svgElement("path", { d: "M" + x + " " + y + "l" + cell + " " + cell, stroke: "#bbbbbb", "stroke-width": 0.5 }));
    }
  }
  return picture;
}
