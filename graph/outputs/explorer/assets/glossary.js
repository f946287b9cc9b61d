// @ts-check
// The glossary (graph.glossary(), in the scene): plain-language meanings of
// the words the page uses. The legend's words link to it, and so does the
// quiz. Where the data give no quiz, it says why.

/**
 * @param {ModeKit} kit
 */
function glossaryView(kit) {
  const data = kit.app.model.data;
  const entries = data.glossary || [];
  const terms = new Map(entries.map((entry) => [entry.term.toLowerCase(), entry]));
  const panel = kit.panel("glossary-panel", "Glossary");
  let open = false;

  /** @param {string} term */
  function slug(term) {
    return "term-" + term.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  }

  /** @param {string} term */
  function show(term) {
    open = true;
    kit.app.update();
    const target = document.getElementById(slug(term));
    const heading = target || byId("glossary-panel-title");
    heading.scrollIntoView({ block: "start" });
    heading.focus();
  }

  /**
   * A word as a link to its meaning; plain text when the glossary lacks it.
   * @param {string} word
   * @returns {HTMLElement}
   */
  function link(word) {
    if (!terms.has(word.toLowerCase())) return element("span", word);
    const node = button(word, () => show(word), "link term");
    node.setAttribute("aria-controls", "glossary-panel");
    node.title = "What is " + word + "? (glossary)";
    return node;
  }

  // The legend's words, made links: entries ("support", "claimed, alleged")
  // and headings ("Colour: camp").
  function linkLegend() {
    const legend = byId("legend");
    legend.querySelectorAll("li > span:not(.count):not(.size-icon), h2").forEach((node) => {
      const text = node.textContent || "";
      const parts = text.split(/(, |: )/);
      if (!parts.some((part) => terms.has(part.toLowerCase()))) return;
      node.replaceChildren(
        ...parts.map((part) => (terms.has(part.toLowerCase()) ? link(part) : document.createTextNode(part)))
      );
    });
    if (entries.length) {
      const opener = button("Glossary: what the words mean", () => show(""), "link");
      opener.id = "legend-glossary";
      opener.setAttribute("aria-controls", "glossary-panel");
      legend.appendChild(opener);
    }
  }

  function build() {
    const close = button("Close", () => {
      open = false;
      kit.app.update();
    });
    close.className = "close-mode";
    panel.appendChild(close);
    if (data.quiz_unavailable) {
      const why = element("p", "No quiz for these data: " + data.quiz_unavailable, "note");
      why.id = "quiz-unavailable";
      panel.appendChild(why);
    }
    const list = element("dl");
    entries.forEach((entry) => {
      const term = element("dt", entry.term);
      term.id = slug(entry.term);
      term.tabIndex = -1;
      list.append(term, element("dd", entry.definition));
    });
    panel.appendChild(list);
    linkLegend();
  }

  return {
    build: build,
    link: link,
    open: show,
    draw: () => {
      panel.hidden = !open;
    },
  };
}
