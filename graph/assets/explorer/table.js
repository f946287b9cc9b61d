// @ts-check
// The table of relations: every relation as a row, sortable by column; the
// network's text alternative, and what prints after the picture.

/**
 * @typedef {object} Column
 * @property {string} title
 * @property {(r: SceneEdge) => string} text
 * @property {(r: SceneEdge) => string | number} [order] sort key, the text by default
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
    { title: "Evidence", text: (r) => (r.evidence ? "“" + r.evidence + "”" : "") },
    { title: "Citation", text: (r) => r.citation },
  ];
  const SORTABLE = 6; // the first columns; quotes and citations are not worth sorting by
  /** @type {Map<number, HTMLTableRowElement>} */
  const rows = new Map();
  /** @type {{column: number | null, ascending: boolean}} */
  const sorting = { column: null, ascending: true };

  /** @type {Map<number, string>} */
  const texts = new Map(); // each row's text, folded, for the text filter

  function build() {
    const head = byId("relations-head");
    COLUMNS.forEach((column, index) => {
      const cell = element("th");
      cell.scope = "col";
      if (index < SORTABLE) {
        cell.appendChild(button(column.title, () => sort(index), "sort"));
        cell.setAttribute("aria-sort", "none");
      } else cell.textContent = column.title;
      head.appendChild(cell);
    });
    relations.forEach((relation) => {
      const row = element("tr");
      COLUMNS.forEach((column, index) => {
        const cell = element(index === 0 ? "th" : "td", column.text(relation));
        if (cell instanceof HTMLTableCellElement && index === 0) cell.scope = "row";
        row.appendChild(cell);
      });
      rows.set(relation.id, row);
      texts.set(relation.id, fold(COLUMNS.map((column) => column.text(relation)).join(" ")));
    });
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
    let count = 0;
    relations.forEach((relation) => {
      const on =
        (state.tableAll || shown.has(relation.id)) &&
        (!query || /** @type {string} */ (texts.get(relation.id)).includes(query));
      /** @type {HTMLTableRowElement} */ (rows.get(relation.id)).hidden = !on;
      if (on) count += 1;
    });
    const which = state.tableAll ? "" : ", as the network shows them (" + viewInWords(model, state) + ")";
    const matching = query ? ", with “" + state.tableQuery.trim() + "”" : "";
    const title = byId("title").textContent;
    byId("relations-caption").textContent =
      (count === relations.length ? "All " + count : count + " of " + relations.length) +
      " relations of " + title + which + matching + ". Sort by a column with the button in its header.";
    inputById("table-all").checked = state.tableAll;
  }

  /** @param {number} index */
  function sort(index) {
    sorting.ascending = sorting.column === index ? !sorting.ascending : true;
    sorting.column = index;
    const column = COLUMNS[index];
    const key = column.order || column.text;
    const ordered = relations.slice().sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === "number" && typeof y === "number" ? x - y : compareText(x, y);
      return (sorting.ascending ? order : -order) || a.id - b.id;
    });
    byId("relations-body").replaceChildren(
      ...ordered.map((relation) => /** @type {HTMLTableRowElement} */ (rows.get(relation.id)))
    );
    byId("relations-head").querySelectorAll("th").forEach((cell, number) => {
      if (number >= SORTABLE) return;
      const order = sorting.ascending ? "ascending" : "descending";
      cell.setAttribute("aria-sort", number === index ? order : "none");
    });
  }

  // The table is built once the network is drawn, or earlier if asked for,
  // so that thousands of relations do not delay the first picture.
  function ready() {
    if (!rows.size) {
      build();
      drawRows(shownRelations(model, app.state));
    }
  }

  /**
   * The table or the network, as the state says.
   * @param {Set<number>} shown
   */
  function draw(shown) {
    const on = app.state.table;
    if (on) ready();
    if (rows.size) drawRows(shown);
    byId("table-view").hidden = !on;
    byId("network-view").hidden = on;
    const toggle = byId("view-toggle");
    toggle.setAttribute("aria-pressed", String(on));
    toggle.textContent = on ? "Network" : "Table";
  }

  return { draw: draw, ready: ready };
}
