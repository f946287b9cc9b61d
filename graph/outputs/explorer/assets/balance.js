// @ts-check
// The balance mode: actors coloured by the two sides the data themselves find
// (graph.balance, precomputed in the scene), with the frustration index L
// (proven or not) and the ties that break the split highlighted, month by
// month with the slider and who changed sides; balance's predictions for
// pairs with no tie ("the enemy of my enemy") with the triangles behind each;
// and the what-if: the split without one of the most central actors, from
// "Remove this actor" in its panel.

const FRUSTRATED_LOOK = { colour: "rgba(204, 121, 167, 0.75)", px: 2 * HALO_PX }; // Okabe-Ito purple

/**
 * @param {ModeKit} kit
 * @returns {Mode}
 */
function balanceView(kit) {
  const app = kit.app;
  const state = app.state;
  const data = app.model.data;
  const balance = data.balance || null;
  const panel = kit.panel("balance-panel", "Balance: two sides");
  // Balance is there for the whole data, or for the months within its limit of ties.
  const toggle = balance && (balance.all ? balance.all.groups.length : balance.months.length)
    ? kit.toggle("balance", "Balance") : null;
  const months = balance ? balance.months : [];
  const monthsOver = new Set(balance ? balance.months_over : []);
  const monthIndex = new Map(months.map((month, index) => [month.month, index]));
  const labels = new Map(data.months.map((period) => [period.date, period.label]));
  const without = new Map((balance ? balance.without : []).map((entry) => [entry.actor, entry]));
  /** @type {Set<number>} */
  let shownNow = new Set();

  /** @param {string} month */
  const monthLabel = (month) => labels.get(month) || month;
  /** @param {string[]} ids */
  const names = (ids) => ids.map(kit.name).join(", ");

  /**
   * The balance shown: the what-if, the slider's month, or every relation.
   * The balance is null where the page has none: too many ties at that date.
   * @returns {{balance: BalanceState | null, where: string, changed: string[] | null, since: string, removed: string}}
   */
  function shownBalance() {
    const all = /** @type {Balance} */ (balance).all;
    const tooMany = (/** @type {string} */ where) => ({
      balance: null,
      where: where + ": more than " + (/** @type {Balance} */ (balance)).max_ties.toLocaleString("en") +
        " support and opposition ties, too many to compute balance in the page. Pick a month with the slider, " +
        "or run `alliance-graph balance` (with --at for a date)",
      changed: null, since: "", removed: "",
    });
    const removed = without.get(state.views.without);
    if (removed) {
      return {
        balance: removed,
        where: "All dates, without " + kit.name(removed.actor) + " (what-if)",
        changed: removed.changed_sides,
        since: "without " + kit.name(removed.actor),
        removed: removed.actor,
      };
    }
    const period = state.period;
    if (period === null) {
      return all ? { balance: all, where: "All dates", changed: null, since: "", removed: "" } : tooMany("All dates");
    }
    const key = period.first.slice(0, 7);
    const index = monthIndex.get(key);
    if (monthsOver.has(key)) return tooMany(monthLabel(key));
    if (index === undefined) {
      return all ? { balance: all, where: "All dates (no relation dated in " + period.label + ")", changed: null, since: "", removed: "" }
        : tooMany("All dates (no relation dated in " + period.label + ")");
    }
    const month = months[index];
    const whole = period.last.slice(0, 7) === key ? "" : " (the first month of " + period.label + ")";
    return {
      balance: month,
      where: monthLabel(month.month) + whole,
      changed: index > 0 ? month.changed_sides : null,
      since: index > 0 ? "since " + monthLabel(months[index - 1].month) : "",
      removed: "",
    };
  }

  /** @param {BalanceState} shown */
  function lText(shown) {
    if (shown.proven) {
      return "Frustration L = " + shown.L + " (proven the fewest): " +
        (shown.L === 0 ? "no tie breaks the split, the network is balanced." :
          shown.L + (shown.L === 1 ? " tie breaks" : " ties break") + " the best split into two sides.");
    }
    return "Frustration L = " + shown.L + " at most (not proven; at least " + shown.lower_bound + ").";
  }

  /**
   * The what-if button in the actor's panel, for the most central actors.
   */
  function whatIfButton() {
    const id = state.selected;
    if (id === null || !without.has(id)) return;
    const removed = state.views.without === id;
    const holder = element("p", null, "what-if");
    const action = button(removed ? "Put this actor back" : "Remove this actor (what-if)", () => {
      state.views.without = removed ? "" : id;
      app.update();
    });
    action.id = "what-if";
    holder.appendChild(action);
    byId("panel-body").appendChild(holder);
  }

  /** @param {Set<number>} shown */
  function draw(shown) {
    shownNow = shown;
    const content = panel.querySelector(".mode-body") || panel.appendChild(element("div", null, "mode-body"));
    content.replaceChildren();
    if (!balance) return;
    const view = shownBalance();
    const split = view.balance;
    if (!split) {
      const where = element("p", view.where + ".", "where");
      where.id = "balance-where";
      content.appendChild(where);
      return;
    }
    const where = element("p", view.where + ". Colours: the sides below, not the legend's camps.", "where");
    where.id = "balance-where";
    const l = element("p", lText(split));
    l.id = "balance-l";
    l.dataset.l = String(split.L);
    l.dataset.proven = String(split.proven);
    const groups = element("ul", null, "groups");
    groups.id = "balance-groups";
    split.groups.forEach((group) => {
      const item = element("li");
      item.dataset.group = group.id;
      item.dataset.members = group.members.join(" ");
      const mark = element("span", null, "swatch");
      mark.style.background = group.colour;
      item.append(mark, element("strong", "Side of " + kit.name(group.id) + " (" + group.members.length + "): "));
      item.append(names(group.members));
      groups.appendChild(item);
    });
    // The sides first: on a phone they are what the first screen shows.
    content.append(groups, l, where);
    if (split.unplaced.length) {
      const none = element("p", "In no side (no support or opposition tie here): " + names(split.unplaced));
      none.id = "balance-unplaced";
      content.appendChild(none);
    }
    if (view.changed !== null) {
      const changed = element(
        "p",
        view.changed.length
          ? "Changed sides (dashed rings) " + view.since + ": " + names(view.changed)
          : view.removed ? "No one else changes sides " + view.since + "." : "No one changed sides " + view.since + ".",
        "changed"
      );
      changed.id = "balance-changed";
      content.appendChild(changed);
    }
    if (view.removed) {
      content.appendChild(button("Put " + kit.name(view.removed) + " back", () => {
        state.views.without = "";
        app.update();
      }));
    } else if (without.size) {
      content.appendChild(element("p", "What-if: pick " + names(Array.from(without.keys())) +
        " and choose “Remove this actor” in its panel.", "note"));
    }
    const heading = element("h3");
    heading.append("Ties that break the split (", kit.term("frustration"), ", highlighted)");
    const ties = element("ul");
    ties.id = "balance-frustrated";
    split.frustrated.forEach((tie) => {
      const item = element("li", kit.name(tie.from) + " – " + kit.name(tie.to) + ": " +
        (tie.sign > 0 ? "support across the sides" : "opposition inside a side"));
      item.dataset.pair = pairKey(tie.from, tie.to);
      ties.appendChild(item);
    });
    if (!split.frustrated.length) ties.appendChild(element("li", "None."));
    content.append(heading, ties);
    content.appendChild(predictions(balance.predictions));
    whatIfButton();
  }

  /** @param {BalancePrediction[]} list */
  function predictions(list) {
    const box = element("details", null, "predictions");
    box.id = "balance-predictions";
    // The summary holds text only: a link inside it would be a control in a control.
    box.appendChild(element("summary", "The enemy of my enemy: " + list.length +
      " pairs with no tie, as balance predicts them (every relation, all dates)"));
    const about = element("p", null, "note");
    about.append("What is ", kit.term("enemy of my enemy"), "? Each triangle votes: a friend's friend or an enemy's enemy is a friend.");
    box.appendChild(about);
    const items = element("ol");
    list.forEach((pair) => {
      const item = element("li");
      item.dataset.pair = pairKey(pair.actor, pair.other);
      item.dataset.prediction = String(pair.prediction);
      const verdict = pair.prediction > 0 ? "allies" : pair.prediction < 0 ? "enemies" : "undecided";
      item.append(element("strong", kit.name(pair.actor) + " and " + kit.name(pair.other) + ": " + verdict));
      const through = (/** @type {string[]} */ ids) => ids.map((id) => "through " + kit.name(id)).join("; ");
      item.append(" (" + pair.agreeing + " of " + pair.triads + " triangles). ");
      if (pair.supporting.length) item.append((pair.prediction === 0 ? "Allies " : "For: ") + through(pair.supporting) + ". ");
      if (pair.opposing.length) item.append((pair.prediction === 0 ? "Enemies " : "Against: ") + through(pair.opposing) + ".");
      items.appendChild(item);
    });
    box.appendChild(items);
    return box;
  }

  return {
    name: "balance",
    toggle: toggle,
    panel: panel,
    enter: () => {},
    draw: draw,
    colours: () => {
      if (!balance) return null;
      const shown = shownBalance().balance;
      if (!shown) return null;
      /** @type {Map<string, string>} */
      const colours = new Map(data.nodes.map((actor) => [actor.id, balance.unplaced_colour]));
      shown.groups.forEach((group) => group.members.forEach((id) => colours.set(id, group.colour)));
      return colours;
    },
    hide: (shown) => shown,
    named: () => [],
    overlay: (context, drawing) => {
      if (!balance) return;
      const view = shownBalance();
      const shown = view.balance;
      if (!shown) return;
      // Who changed sides: a dashed ring in their new side's colour.
      const scale = drawing.getScale();
      const positions = drawing.getPositions(view.changed || []);
      (view.changed || []).forEach((id) => {
        const actor = app.model.actors.get(id);
        const group = shown.groups.find((g) => g.members.includes(id));
        const p = positions[id];
        if (!actor || !p) return;
        context.save();
        context.strokeStyle = group ? group.colour : "#000000";
        context.lineWidth = 5 / scale;
        context.setLineDash([8 / scale, 5 / scale]);
        context.beginPath();
        context.arc(p.x, p.y, actor.size + 9 / scale, 0, 2 * Math.PI);
        context.stroke();
        context.restore();
      });
      const frustrated = new Set(shown.frustrated.map((tie) => pairKey(tie.from, tie.to)));
      shownNow.forEach((id) => {
        const relation = /** @type {SceneEdge} */ (app.model.relations.get(id));
        if (relation.sign !== 0 && frustrated.has(pairKey(relation.from, relation.to))) {
          strokeRelation(context, drawing, id, FRUSTRATED_LOOK);
        }
      });
    },
  };
}
