// @ts-check
// The table of relations: every relation as a row, sortable by column; the
// network's text alternative, and what prints after the picture.
//
// Rows are made when first shown, and the page holds the first ROWS_AT_ONCE
// matching rows, then as many more each time the reader scrolls near the end
// or presses "More rows": laying out 35,000 rows took seconds. Printing
// holds them all.

const ROWS_AT_ONCE = 100;
const MORE_WITHIN_PX = 600; // scrolled this near the end, the next rows come

/**
 * @typedef {object} Column
 * @property {string} title
 * @property {(r: SceneEdge) => string} text
 * @property {(r: SceneEdge) => string | number} [order] sort key, the text by default
 * @property {boolean} [prose] long text (quotes, sources), broken anywhere when the
 *   table would not fit otherwise: their columns, not the names', give way
 */

/**
 * @param {App} app
 */
function tableView(app) {
  const model = app.model;
  const relations = model.data.edges;
  /** @param {string} id */
  const nameOf = (id) => /** @type {SceneNode} */ (model.actors.get(id)).name;
  const levels = Array.from(model.levels.keys()); // from the surest
  /** @type {Column[]} */
  const COLUMNS = [
    { title: "From", text: (r) => nameOf(r.from) },
    { title: "Relation", text: (r) => r.label },
    { title: "To", text: (r) => nameOf(r.to) },
    { title: "Sign", text: (r) => signName(model, r.sign) },
    { title: "Dates", text: (r) => r.when, order: (r) => r.active_from || "" },
    { title: "Confidence", text: (r) => r.confidence, order: (r) => levels.indexOf(r.confidence) },
    { title: "Evidence", text: (r) => (r.evidence ? "“" + r.evidence + "”" : ""), prose: true },
    { title: "Citation", text: (r) => r.citation, prose: true },
  ];
  const SORTABLE = 6; // the first columns; quotes and citations are not worth sorting by
  /** @type {Map<number, HTMLTableRowElement>} */
  const rows = new Map();
  /** @type {{column: number | null, ascending: boolean}} */
  const sorting = { column: null, ascending: true };

  /** @type {Map<number, string>} */
  const texts = new Map(); // each row's text, folded, for the text filter
  let built = false;
  /** @type {number[]} */
  let order = relations.map((relation) => relation.id); // every relation, in the sort's order
  /** @type {number[]} */
  let matching = []; // those the state asks for, in order
  let held = 0; // how many of them the page holds, from the first
  const body = byId("relations-body");
  const more = button("More rows", () => hold(held + ROWS_AT_ONCE), "more-rows");

  /**
   * The row of a relation, made the first time it is shown.
   * @param {number} id
   * @returns {HTMLTableRowElement}
   */
  function rowOf(id) {
    let row = rows.get(id);
    if (row === undefined) {
      const relation = /** @type {SceneEdge} */ (model.relations.get(id));
      row = element("tr");
      COLUMNS.forEach((column, index) => {
        const cell = element(index === 0 ? "th" : "td", column.text(relation), column.prose ? "prose" : "");
        if (cell instanceof HTMLTableCellElement && index === 0) cell.scope = "row";
        cell.dataset.column = column.title; // a phone shows each row as a card, each cell under its column's name
        /** @type {HTMLTableRowElement} */ (row).appendChild(cell);
      });
      rows.set(id, row);
    }
    return row;
  }

  /**
   * Hold the first count matching rows (at least the first ROWS_AT_ONCE).
   * @param {number} count
   */
  function hold(count) {
    const wanted = Math.min(Math.max(count, ROWS_AT_ONCE), matching.length);
    if (wanted < held) body.replaceChildren();
    const from = body.childElementCount;
    const added = matching.slice(from, wanted).map((id, index) => {
      const row = rowOf(id);
      row.setAttribute("aria-rowindex", String(from + index + 2)); // the header is row 1
      return row;
    });
    body.append(...added);
    held = wanted;
    byId("relations").setAttribute("aria-rowcount", String(matching.length + 1));
    more.hidden = held >= matching.length;
    more.textContent = "More rows (" + held + " of " + matching.length + " shown)";
  }

  function build() {
    built = true;
    const head = byId("relations-head");
    COLUMNS.forEach((column, index) => {
      const cell = element("th");
      cell.scope = "col";
      if (index < SORTABLE) {
        cell.appendChild(button(column.title, () => sort(index), "sort"));
        cell.dataset.title = column.title; // printed instead of the button (explorer.css)
        cell.setAttribute("aria-sort", "none");
      } else cell.textContent = column.title;
      head.appendChild(cell);
    });
    relations.forEach((relation) => {
      texts.set(relation.id, fold(COLUMNS.map((column) => column.text(relation)).join(" ")));
    });
    byId("relations").after(more);
    const view = byId("table-view");
    view.addEventListener("scroll", () => {
      if (held < matching.length && view.scrollTop + view.clientHeight > view.scrollHeight - MORE_WITHIN_PX) {
        hold(held + ROWS_AT_ONCE);
      }
    });
    // Printing holds every row; back on screen, the first ones again.
    window.addEventListener("beforeprint", () => {
      ready();
      hold(matching.length);
    });
    window.addEventListener("afterprint", () => hold(ROWS_AT_ONCE));
    sort(0);
    const filter = inputById("table-filter");
    filter.addEventListener("input", () => {
      app.state.tableQuery = filter.value;
      app.update();
    });
    const all = inputById("table-all");
    all.addEventListener("change", () => {
      app.state.tableAll = all.checked;
      app.update();
    });
  }

  /**
   * The rows the state asks for, and a caption that says which.
   * @param {Set<number>} shown
   */
  function drawRows(shown) {
    const state = app.state;
    const query = fold(state.tableQuery);
    matching = order.filter(
      (id) => (state.tableAll || shown.has(id)) && (!query || /** @type {string} */ (texts.get(id)).includes(query))
    );
    const count = matching.length;
    held = 0;
    body.replaceChildren();
    hold(ROWS_AT_ONCE);
    const which = state.tableAll ? "" : ", as the network shows them (" + viewInWords(model, state) + ")";
    const withText = query ? ", with “" + state.tableQuery.trim() + "”" : "";
    const title = byId("title").textContent;
    byId("relations-caption").textContent =
      (count === relations.length ? "All " + count : count + " of " + relations.length) +
      " relations of " + title + which + withText + ". Sort by a column with the button in its header.";
    inputById("table-all").checked = state.tableAll;
  }

  /** @param {number} index */
  function sort(index) {
    sorting.ascending = sorting.column === index ? !sorting.ascending : true;
    sorting.column = index;
    const column = COLUMNS[index];
    const key = column.order || column.text;
    // Each key computed once: comparing 35,000 relations calls the comparison half a million times.
    const keys = new Map(relations.map((relation) => [relation.id, key(relation)]));
    order = relations
      .map((relation) => relation.id)
      .sort((a, b) => {
        const x = /** @type {string | number} */ (keys.get(a));
        const y = /** @type {string | number} */ (keys.get(b));
        const by = typeof x === "number" && typeof y === "number" ? x - y : compareText(x, y);
        return (sorting.ascending ? by : -by) || a - b;
      });
    if (built) drawRows(shownRelations(model, app.state));
    byId("relations-head").querySelectorAll("th").forEach((cell, number) => {
      if (number >= SORTABLE) return;
      const order = sorting.ascending ? "ascending" : "descending";
      cell.setAttribute("aria-sort", number === index ? order : "none");
    });
  }

  // The table is built once the network is drawn, or earlier if asked for,
  // so that thousands of relations do not delay the first picture.
  function ready() {
    if (!built) build();
  }

  /**
   * The table or the network, as the state says.
   * @param {Set<number>} shown
   */
  function draw(shown) {
    const on = app.state.table;
    if (on) ready();
    if (built) drawRows(shown);
    byId("table-view").hidden = !on;
    byId("network-view").hidden = on;
    const toggle = byId("view-toggle");
    toggle.setAttribute("aria-pressed", String(on));
    toggle.textContent = on ? "Network" : "Table";
  }

  return { draw: draw, ready: ready };
}
