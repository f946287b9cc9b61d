// @ts-check
// The scene a page carries in an element: plain JSON, or (a large network's,
// data-encoding="columns-v1 gzip base64", as graph.outputs.explorer.render
// writes it) its actors and relations as columns of numbers and interned
// values (graph.outputs.explorer.wire; graph/drawing/schema/columns.schema.json),
// gzip-compressed and base64-encoded, unpacked by the browser's own
// DecompressionStream, offline, and rebuilt here into the very objects the
// plain JSON would give, so nothing else in the page knows the difference.

const COLUMNS = "columns-v1 gzip base64";
/** The scene's lists that travel as columns (wire.py's COLUMNED). */
const COLUMNED = ["edges", "nodes"];

/**
 * @param {HTMLElement} element
 * @returns {Promise<unknown>} the scene, as plain JSON would give it
 */
function embeddedScene(element) {
  const text = element.textContent || "";
  const encoding = element.dataset.encoding;
  // Parsed in a then, so that bad JSON is a rejection the page shows in words.
  if (encoding === undefined) return Promise.resolve(text).then((json) => JSON.parse(json || "null"));
  if (encoding !== COLUMNS) {
    return Promise.reject(new Error("its data are in an encoding this page does not know (" +
      JSON.stringify(encoding) + "; it reads " + JSON.stringify(COLUMNS) + "): write the page again " +
      "with the same version of alliance-graph"));
  }
  if (typeof DecompressionStream === "undefined") {
    return Promise.reject(new Error("this browser cannot unpack the page's data: it needs " +
      "DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 or newer)"));
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then((json) => fromColumnarScene(JSON.parse(json)));
}

/**
 * A list of objects as wire.py's to_columns() writes it: per key, numbers as
 * they are, or indices into a table of distinct values (-1: the key is absent).
 * @typedef {{values: unknown[]} | {table: unknown[], index: number[]}} WireColumn
 * @typedef {{columns: Record<string, WireColumn>, length: number}} ColumnsForm
 */

/**
 * The scene with its columned lists rebuilt as lists of objects.
 * @param {Record<string, unknown>} wire the parsed wire scene, changed in place
 * @returns {unknown}
 */
function fromColumnarScene(wire) {
  for (const name of COLUMNED) wire[name] = fromColumns(/** @type {ColumnsForm} */ (wire[name]));
  return wire;
}

/**
 * The objects a wire.py to_columns() form stands for: for each item, the keys
 * of the columns in their (sorted) order, a key left out where its index is -1.
 * A nested table value is copied for each item, so no two items share one.
 * Built item by item, each object whole at once (V8 keeps one shape for all).
 * @param {ColumnsForm} form
 * @returns {Record<string, unknown>[]}
 */
function fromColumns(form) {
  const keys = Object.keys(form.columns);
  const columns = keys.map((key) => form.columns[key]);
  const values = columns.map((column) => ("values" in column ? column.values : null));
  const tables = columns.map((column) => ("table" in column ? column.table : []));
  const indices = columns.map((column) => ("index" in column ? column.index : []));
  const nested = tables.map((table) => table.map((value) => value !== null && typeof value === "object"));
  /** @type {Record<string, unknown>[]} */
  const items = new Array(form.length);
  for (let i = 0; i < form.length; i += 1) {
    /** @type {Record<string, unknown>} */
    const item = {};
    for (let k = 0; k < keys.length; k += 1) {
      const numbers = values[k];
      if (numbers !== null) {
        item[keys[k]] = numbers[i];
        continue;
      }
      const at = indices[k][i];
      if (at >= 0) item[keys[k]] = nested[k][at] ? copied(tables[k][at]) : tables[k][at];
    }
    items[i] = item;
  }
  return items;
}

/**
 * A deep copy of a JSON value.
 * @param {unknown} value
 * @returns {unknown}
 */
function copied(value) {
  if (Array.isArray(value)) return value.map(copied);
  if (value === null || typeof value !== "object") return value;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = copied(inner);
  return copy;
}

/**
 * Say on the page why it cannot start, in words, instead of a blank page.
 * @param {unknown} error
 */
function showStartError(error) {
  const note = element("p", "The explorer cannot open: " + String(error instanceof Error ? error.message : error) + ".", "start-error");
  note.setAttribute("role", "alert");
  document.body.prepend(note);
}
