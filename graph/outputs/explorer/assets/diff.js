// @ts-check
// Two dates side by side, the browser's graph.diff: the support and
// opposition ties (one per pair of actors, by graph.signed_graph's tie rule:
// signedTies in state.js) that appeared, ended or changed sign from one month (or
// day) to another, drawn on the network at the second date (new, ended and
// flipped styles) and listed with their quotes. The two dates are in the link.

const DIFF_LOOKS = {
  appeared: { colour: "rgba(0, 158, 115, 0.7)", px: 2 * HALO_PX, words: "new", dashes: /** @type {number[]} */ ([]) },
  ended: { colour: "rgba(80, 80, 80, 0.9)", px: 4, words: "ended (dotted grey)", dashes: [2, 8] },
  flipped: { colour: "rgba(213, 94, 0, 0.75)", px: 2 * HALO_PX, words: "changed sign", dashes: [14, 8] },
};

/** @typedef {"appeared" | "ended" | "flipped"} Change */

/**
 * @param {ModeKit} kit
 * @returns {Mode}
 */
function diffView(kit) {
  const app = kit.app;
  const state = app.state;
  const data = app.model.data;
  const months = data.months;
  const panel = kit.panel("compare-panel", "Two dates compared");
  const toggle = months.length > 1 ? kit.toggle("compare", "Compare") : null;
  /** @type {Array<{key: string, change: Change, before: Tie | null, after: Tie | null}>} */
  let changes = [];
  const first = months.length ? months[0].first : "";
  const last = months.length ? months[months.length - 1].last : "";
  const selects = ["From", "To"].map((words, index) => {
    const label = element("label", words + " ");
    const select = element("select");
    select.id = "compare-" + (index ? "b" : "a");
    months.forEach((period) => {
      const option = element("option", period.label);
      option.value = period.date;
      select.appendChild(option);
    });
    select.addEventListener("change", () => {
      dates[index] = select.value;
      choose(dates[0], dates[1]);
    });
    label.appendChild(select);
    // A day, for changes inside a month (Russia's air strikes began on 30
    // September 2015), written as the data write dates (YYYY-MM-DD): a date
    // input would show the browser's local format (mm/dd/yyyy).
    const dayLabel = element("label", "or the day (YYYY-MM-DD) ");
    const day = element("input");
    day.type = "text";
    day.inputMode = "numeric";
    day.autocomplete = "off";
    day.spellcheck = false;
    day.size = 10;
    day.placeholder = "YYYY-MM-DD";
    day.pattern = "\\d{4}-\\d{2}-\\d{2}";
    day.id = select.id + "-day";
    day.title = "A day from " + first + " to " + last;
    day.addEventListener("change", () => {
      const valid = dayPeriod(day.value.trim()) !== null;
      day.setCustomValidity(valid ? "" : "A day from " + first + " to " + last + ", as YYYY-MM-DD");
      day.setAttribute("aria-invalid", String(!valid));
      if (!valid) {
        day.reportValidity();
        return;
      }
      dates[index] = day.value.trim();
      choose(dates[0], dates[1]);
    });
    dayLabel.appendChild(day);
    return { label: label, select: select, dayLabel: dayLabel, day: day };
  });
  /** @type {string[]} the two dates chosen, as in the link */
  const dates = ["", ""];
  const form = element("div", null, "compare-dates");
  selects.forEach((side) => {
    const line = element("p");
    line.append(side.label, " ", side.dayLabel);
    form.appendChild(line);
  });
  const key = element("ul", null, "compare-key");
  /** @type {Change[]} */ (["appeared", "ended", "flipped"]).forEach((change) => {
    const look = DIFF_LOOKS[change];
    const mark = element("span", null, "line-mark");
    mark.style.borderTop = (look.dashes.length ? "4px dotted " : "6px solid ") + look.colour;
    const item = element("li");
    item.append(mark, " " + look.words);
    key.appendChild(item);
  });
  const body = element("div", null, "mode-body");
  panel.append(form, key, body);

  /**
   * A day of the data's months as a period, or null.
   * @param {string} date YYYY-MM-DD
   * @returns {Period | null}
   */
  function dayPeriod(date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < first || date > last) return null;
    const month = months.find((m) => m.first <= date && date <= m.last);
    if (!month) return null;
    return { date: date, label: Number(date.slice(8)) + " " + month.label, first: date, last: date };
  }

  /** @param {string} date a month of the slider or a day */
  const period = (date) => months.find((month) => month.date === date) || dayPeriod(date);

  /**
   * The slider's month holding a date (the network itself shows the date: see hide).
   * @param {string} date
   * @returns {Period | null}
   */
  function sliderMonth(date) {
    const chosen = period(date);
    return chosen === null ? null : months.find((m) => m.first <= chosen.first && chosen.first <= m.last) || null;
  }

  /**
   * The two months compared: the link's; or the month shown and the one
   * before; or, at all dates, the first two months in a row between which a
   * tie changed (an empty comparison teaches nothing).
   */
  function pair() {
    const [a, b] = state.views.compare.split("~").map(period);
    if (a && b) return [a, b];
    const at = state.period === null ? -1 : months.findIndex((m) => m.date === /** @type {Period} */ (state.period).date);
    if (at >= 1) return [months[at - 1], months[at]];
    if (opening < 0) {
      const changed = months.findIndex((month, index) => index > 0 && changesOf(months[index - 1], month).length > 0);
      opening = Math.max(changed, 1);
    }
    return [months[opening - 1], months[opening]];
  }
  let opening = -1; // the second month of the first pair that differs, found once

  /**
   * The ties that appeared, ended or changed sign from a to b, in order.
   * @param {Period} a
   * @param {Period} b
   */
  function changesOf(a, b) {
    const before = signedTies(data, a);
    const after = signedTies(data, b);
    const order = { appeared: 0, ended: 1, flipped: 2 };
    return Array.from(new Set([...before.keys(), ...after.keys()]))
      .map((pairOf) => {
        const old = before.get(pairOf) || null;
        const now = after.get(pairOf) || null;
        /** @type {Change | null} */
        const change = old === null ? "appeared" : now === null ? "ended" : old.sign !== now.sign ? "flipped" : null;
        return { key: pairOf, change: change, before: old, after: now };
      })
      .filter(/** @returns {c is {key: string, change: Change, before: Tie | null, after: Tie | null}} */ (c) => c.change !== null)
      .sort((x, y) => order[x.change] - order[y.change] || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  }

  /**
   * @param {string} a
   * @param {string} b
   */
  function choose(a, b) {
    state.views.compare = a + "~" + b;
    state.step = -1;
    state.period = sliderMonth(b);
    app.update();
  }

  /**
   * @param {Tie | null} tie
   * @param {string} words
   */
  function relationsList(tie, words) {
    const list = element("ul");
    if (tie === null) return list;
    // Where weights decide the tie, each relation says how much it counts:
    // otherwise two backings against one fight read as support.
    const weighed = tie.relations.some((relation) => relation.strength !== 1);
    tie.relations.forEach((relation) => {
      const strength = weighed ? " (strength " + relation.strength + ")" : "";
      const item = element("li", words + kit.sentence(relation) + strength + " ");
      item.appendChild(kit.quote(relation));
      list.appendChild(item);
    });
    return list;
  }

  /** @param {Set<number>} _shown */
  function draw(_shown) {
    const [a, b] = pair();
    [a, b].forEach((chosen, index) => {
      const side = selects[index];
      const day = chosen.first === chosen.last;
      side.select.value = day ? "" : chosen.date;
      side.day.value = day ? chosen.date : "";
      dates[index] = chosen.date;
    });
    changes = changesOf(a, b);
    body.replaceChildren();
    const sign = (/** @type {Tie | null} */ tie) => (tie === null ? "none" : tie.sign > 0 ? "support" : "opposition");
    const summary = element("p", changes.length
      ? counted(changes.length, "tie") + " changed from " + a.label + " to " + b.label + " (the network shows " + b.label + "):"
      : "No support or opposition tie appeared, ended or changed sign from " + a.label + " to " + b.label + ".");
    summary.id = "compare-summary";
    const list = element("ol");
    list.id = "compare-list";
    changes.forEach((c) => {
      const [u, v] = c.key.split("|");
      const item = element("li");
      item.dataset.pair = c.key;
      item.dataset.change = c.change;
      item.dataset.before = c.before ? String(c.before.sign) : "";
      item.dataset.after = c.after ? String(c.after.sign) : "";
      const what = c.change === "appeared" ? "new, " + sign(c.after) : c.change === "ended" ? "ended (was " + sign(c.before) + ")" : "changed sign: " + sign(c.before) + " → " + sign(c.after);
      item.appendChild(element("strong", kit.name(u) + " – " + kit.name(v) + ": " + what));
      if (c.change !== "appeared") item.appendChild(relationsList(c.before, a.label + ": "));
      if (c.change !== "ended") item.appendChild(relationsList(c.after, b.label + ": "));
      list.appendChild(item);
    });
    body.append(summary, list);
  }

  return {
    name: "compare",
    toggle: toggle,
    panel: panel,
    enter: () => {
      const [a, b] = pair();
      state.views.compare = a.date + "~" + b.date;
      state.step = -1;
      state.period = sliderMonth(b.date);
    },
    draw: draw,
    colours: () => null,
    // The network shows the second date, whatever the slider says (a link may
    // name the two dates only); the filters still apply.
    hide: () => shownRelations(app.model, { ...state, period: pair()[1] }),
    named: () => [],
    overlay: (context, drawing) => {
      changes.forEach((c) => {
        const look = DIFF_LOOKS[c.change];
        const tie = c.change === "ended" ? c.before : c.after;
        if (tie === null) return;
        tie.relations.forEach((relation) => strokeRelation(context, drawing, relation.id, look));
      });
    },
  };
}
