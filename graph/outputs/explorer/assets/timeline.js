// @ts-check
// Time: the slider over the months of the data, "All dates", Play, and the
// story, whose steps set the date and light their actors.

/**
 * @param {App} app
 */
function timelineView(app) {
  const data = app.model.data;
  const state = app.state;
  const months = data.months;
  const steps = data.story;
  const slider = inputById("slider");
  const allDates = inputById("all-dates");
  const play = byId("play");
  const story = byId("story");
  const storyToggle = byId("story-toggle");
  const playMs = document.body.classList.contains("preset-classroom") ? 1500 : 900;
  /** @type {number | undefined} */
  let timer;

  /**
   * The index of the month holding a day, or the nearest month.
   * @param {string} day
   */
  function monthOf(day) {
    const index = months.findIndex((month) => month.first <= day && day <= month.last);
    if (index >= 0) return index;
    return day < months[0].first ? 0 : months.length - 1;
  }

  /** @param {Period | null} period */
  function setPeriod(period) {
    state.period = period;
    app.update();
  }

  /** The month after the one shown; the first one after "All dates". */
  function tick() {
    const next = state.period === null ? 0 : monthOf(state.period.first) + 1;
    if (next >= months.length) setPlaying(false);
    else setPeriod(months[next]);
  }

  function stopTimer() {
    clearInterval(timer);
    timer = undefined;
  }

  /** @param {boolean} on */
  function setPlaying(on) {
    stopTimer();
    state.playing = on;
    if (!on) {
      app.update();
      return;
    }
    state.step = -1; // playing the months leaves the story
    // From the start again when at the last month.
    if (state.period !== null && monthOf(state.period.first) >= months.length - 1) state.period = null;
    tick();
    if (state.playing) timer = window.setInterval(tick, playMs);
  }

  /** @param {number} index */
  function showStep(index) {
    const number = Math.min(Math.max(index, 0), steps.length - 1);
    // On a narrow screen the story takes the panels' place beside the network,
    // which would otherwise keep a third of the width (a step selects no actor).
    if (state.step < 0 && window.innerWidth < app.model.screens.narrow_px) state.panels = false;
    state.playing = false;
    state.step = number;
    state.selected = null;
    state.table = false;
    setPeriod(steps[number]);
    story.scrollTop = 0; // each step read from its title
  }

  function closeStory() {
    // Closed from inside (its button, Escape): the focus goes back to the
    // Story button, not to the page's start.
    const inside = story.contains(document.activeElement);
    state.step = -1;
    app.update();
    if (inside) storyToggle.focus();
  }

  // The slider moved by hand: the reader leaves the story for that month.
  function slid() {
    const leaving = state.step >= 0;
    state.step = -1;
    setPeriod(months[Number(slider.value)]);
    if (leaving) announce("Story closed: " + months[Number(slider.value)].label);
  }

  function build() {
    if (months.length) {
      slider.max = String(months.length - 1);
      slider.addEventListener("input", slid);
      allDates.addEventListener("change", () => {
        state.step = -1;
        setPeriod(allDates.checked ? null : months[Number(slider.value)]);
      });
      play.addEventListener("click", () => setPlaying(!state.playing));
    } else {
      byId("timebar").hidden = true;
    }
    if (steps.length) {
      storyToggle.hidden = false;
      storyToggle.addEventListener("click", () => (state.step >= 0 ? closeStory() : showStep(0)));
      byId("story-previous").addEventListener("click", () => showStep(state.step - 1));
      byId("story-next").addEventListener("click", () => showStep(state.step + 1));
      byId("story-close").addEventListener("click", closeStory);
    }
  }

  /**
   * The period before the one shown: the story's previous step, or the previous month.
   * @returns {Period | null}
   */
  function previousPeriod() {
    if (state.step >= 0) return state.step > 0 ? steps[state.step - 1] : null;
    if (state.period === null) return null;
    const index = monthOf(state.period.first);
    return index > 0 ? months[index - 1] : null;
  }

  /**
   * "What changed": the relations that started and ended since the period
   * before, each with its quote (the page's graph.diff). The counts show and
   * the list opens on demand: in a story beside a projected network it would
   * push the step's own text out of sight; and it is made when opened, not at
   * each slider step (thousands of relations a month, at scale). Opened, it
   * stays open while the dates compared stay the same (a filter, the names'
   * size).
   * @param {HTMLElement} box
   * @param {Set<number>} shown the relations the filters let through at the date, folded or not
   */
  function drawChanges(box, shown) {
    const before = previousPeriod();
    const since = before === null || state.period === null ? "" : before.label + " to " + state.period.label;
    const opened = box.querySelector("details");
    const keepOpen = opened !== null && opened.open && box.dataset.since === since;
    const focused = opened !== null && opened.contains(document.activeElement);
    box.dataset.since = since;
    box.replaceChildren();
    box.hidden = before === null || state.period === null;
    if (before === null || state.period === null) return;
    const earlier = shownBefore(before);
    /** @param {number} id */
    const relation = (id) => /** @type {SceneEdge} */ (app.model.relations.get(id));
    // Sets keep the scene's order of relations.
    const started = Array.from(shown).filter((id) => !earlier.has(id)).map(relation);
    const ended = Array.from(earlier).filter((id) => !shown.has(id)).map(relation);
    box.appendChild(element("h3", "What changed since " + before.label));
    const list = element("details");
    const summary = element("summary", counted(started.length, "relation") + " started, " + ended.length + " ended");
    list.appendChild(summary);
    let listed = false;
    const fill = () => {
      if (listed) return;
      listed = true;
      /** @type {Array<[string, SceneEdge[]]>} */
      const groups = [["Started", started], ["Ended", ended]];
      groups.forEach(([title, relationsOf]) => {
        list.appendChild(element("h4", title + " (" + relationsOf.length + ")"));
        const items = element("ul", null, "relation-list");
        relationsOf.forEach((relation) => {
          const item = element("li", null, "relation");
          item.appendChild(relationSentence(app, relation, true));
          if (relation.evidence) item.appendChild(element("blockquote", "“" + relation.evidence + "”", "evidence"));
          items.appendChild(item);
        });
        if (!relationsOf.length) list.appendChild(element("p", "None.", "none"));
        else list.appendChild(items);
      });
    };
    summary.addEventListener("click", fill); // before the list opens
    list.addEventListener("toggle", fill);
    if (keepOpen) fill();
    list.open = keepOpen;
    box.appendChild(list);
    if (focused) summary.focus(); // drawn again under the reader's focus (a step, a filter)
  }

  /** @type {{key: string, shown: Set<number>}} */
  let last = { key: "", shown: new Set() }; // the relations shown at the date last drawn

  /**
   * The relations the filters let through at a period: those of the date
   * last drawn when it is that one (a slider stepping forward), else
   * counted again.
   * @param {Period} period
   */
  function shownBefore(period) {
    return last.key === filtersAt(period) ? last.shown : shownRelations(app.model, state, period);
  }

  /**
   * The period and the filters, as a key.
   * @param {Period | null} period
   */
  function filtersAt(period) {
    return JSON.stringify([period && period.first, period && period.last, FILTER_GROUPS.map((group) => Array.from(state.off[group]).sort())]);
  }

  /**
   * The time bar and the story for the state.
   * @param {Set<number>} shown the relations the filters let through at the date, before a mode folds them
   */
  function draw(shown) {
    const inStory = state.step >= 0;
    drawChanges(byId(inStory ? "story-changes" : "changes"), shown);
    byId(inStory ? "changes" : "story-changes").hidden = true;
    const period = state.period;
    last = { key: filtersAt(period), shown: shown };
    allDates.checked = period === null;
    if (months.length) slider.value = String(period === null ? Number(slider.value) : monthOf(period.first));
    const when = period ? period.label : "All dates";
    // At all dates the checkbox beside it says so: the month's place stays empty.
    byId("slider-label").textContent = period ? when : "";
    slider.setAttribute("aria-valuetext", when);
    if (!state.playing) stopTimer();
    play.textContent = state.playing ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(state.playing));
    const number = state.step;
    story.hidden = number < 0;
    storyToggle.setAttribute("aria-pressed", String(number >= 0));
    if (number < 0) return;
    const step = steps[number];
    byId("story-position").textContent = "Story: step " + (number + 1) + " of " + steps.length;
    byId("story-title").textContent = step.title;
    byId("story-date").textContent = step.label;
    byId("story-caption").textContent = "“" + step.caption + "”";
    byId("story-citation").textContent = step.citation ? "Source: " + step.citation : "";
    /** @param {string} id */
    const nameOf = (id) => (app.model.actors.get(id) || { name: id }).name;
    byId("story-actors").textContent = step.actors.length
      ? "Highlighted: " + step.actors.map(nameOf).join(", ")
      : "";
    const previous = buttonById("story-previous");
    const next = buttonById("story-next");
    const focused = document.activeElement;
    previous.disabled = number === 0;
    next.disabled = number === steps.length - 1;
    // A disabled button loses the focus to the page: it goes to the other one.
    if (focused === previous && previous.disabled) next.focus();
    else if (focused === next && next.disabled) previous.focus();
  }

  return {
    build: build,
    draw: draw,
    showStep: showStep,
    closeStory: closeStory,
    /** @param {number} by steps forward (1) or back (-1) */
    step: (by) => showStep(state.step + by),
  };
}
