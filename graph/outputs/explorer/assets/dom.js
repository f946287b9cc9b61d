// @ts-check
// DOM helpers shared by the explorer's views. Every text from the data goes
// into the page through textContent or as text nodes, never parsed as HTML.

const SVG_NS = "http://www.w3.org/2000/svg"; // an XML namespace name, not a request

/**
 * The element of the page with this id; the template has them all.
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const node = document.getElementById(id);
  if (node === null) throw new Error("the page has no #" + id);
  return node;
}

/**
 * @param {string} id
 * @returns {HTMLInputElement}
 */
function inputById(id) {
  return /** @type {HTMLInputElement} */ (byId(id));
}

/**
 * @param {string} id
 * @returns {HTMLButtonElement}
 */
function buttonById(id) {
  return /** @type {HTMLButtonElement} */ (byId(id));
}

/**
 * A new element holding text (as text, never markup).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string | number | null} [text]
 * @param {string} [className]
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {Element} [parent]
 * @returns {SVGElement}
 */
function svgElement(tag, attributes, parent) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  Object.keys(attributes).forEach((name) => node.setAttribute(name, String(attributes[name])));
  if (parent) parent.appendChild(node);
  return node;
}

/**
 * @param {string} text
 * @param {() => void} onClick
 * @param {string} [className]
 * @returns {HTMLButtonElement}
 */
function button(text, onClick, className) {
  const node = element("button", text, className);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

// One collator for every comparison: localeCompare with options makes one
// each call, which took half a second to sort 100,000 relations' table.
const READERS_ORDER = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Compare texts as a reader sorts them: ignoring case and accents, numbers by value.
 * @param {string | number} a
 * @param {string | number} b
 * @returns {number}
 */
function compareText(a, b) {
  return READERS_ORDER.compare(String(a), String(b));
}

/**
 * How much thicker than their style the preset draws relation lines (CSS --edge-scale).
 * @returns {number}
 */
function lineScale() {
  return parseFloat(getComputedStyle(document.body).getPropertyValue("--edge-scale")) || 1;
}

/**
 * Text as search compares it: without accents, in lower case.
 * @param {string} text
 * @returns {string}
 */
function fold(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

/**
 * Say something to screen readers (the status line).
 * @param {string} text
 */
function announce(text) {
  byId("status").textContent = text;
}

/**
 * A small picture of an actor's shape, for the legend.
 * @param {string} shape
 * @param {string} colour
 * @returns {SVGElement}
 */
function shapeIcon(shape, colour) {
  const icon = svgElement("svg", { width: 18, height: 18, viewBox: "-10 -10 20 20" });
  icon.setAttribute("aria-hidden", "true");
  const paint = { fill: colour, stroke: "#111", "stroke-width": 1.5 };
  /** @param {string} points */
  const polygon = (points) => svgElement("polygon", { points: points, ...paint }, icon);
  if (shape === "dot") svgElement("circle", { r: 8, ...paint }, icon);
  else if (shape === "triangle") polygon("0,-8 8,7 -8,7");
  else if (shape === "triangleDown") polygon("0,8 8,-7 -8,-7");
  else if (shape === "square") polygon("-7,-7 7,-7 7,7 -7,7");
  else if (shape === "diamond") polygon("0,-9 9,0 0,9 -9,0");
  else if (shape === "hexagon") polygon("8,0 4,7 -4,7 -8,0 -4,-7 4,-7");
  else if (shape === "star") {
    polygon("0,-9 2.6,-3.3 8.6,-2.8 4,1.2 5.4,7.3 0,4.1 -5.4,7.3 -4,1.2 -8.6,-2.8 -2.6,-3.3");
  } else svgElement("ellipse", { rx: 9, ry: 6, ...paint }, icon);
  return icon;
}

/**
 * A sample of a relation line, with its arrow head, for the legend.
 * @param {string} colour
 * @param {number[]} dashes in screen pixels
 * @param {number} width in screen pixels
 * @param {number} opacity
 * @param {number} scale the preset's line scale
 * @param {boolean} head false when no line of the network has one (every relation symmetric)
 * @returns {SVGElement}
 */
function lineIcon(colour, dashes, width, opacity, scale, head) {
  const icon = svgElement("svg", { width: 46, height: 14, viewBox: "0 0 46 14" });
  icon.setAttribute("aria-hidden", "true");
  /** @type {Record<string, string | number>} */
  const line = { x1: 1, y1: 7, x2: head ? 36 : 45, y2: 7, stroke: colour, opacity: opacity };
  line["stroke-width"] = width * scale;
  if (dashes.length) line["stroke-dasharray"] = dashes.map((d) => d * scale * 0.6).join(" ");
  svgElement("line", line, icon);
  if (head) svgElement("polygon", { points: "45,7 35,2 35,12", fill: colour, opacity: opacity }, icon);
  return icon;
}

/**
 * A square of a camp's colour.
 * @param {string} colour
 * @returns {HTMLSpanElement}
 */
function swatch(colour) {
  const box = element("span", null, "swatch");
  box.style.background = colour;
  box.setAttribute("aria-hidden", "true");
  return box;
}
