// @ts-check
// The quiz mode (graph.quiz_payload, in the scene): "allies, enemies or
// neither?" about two actors, hiding their recorded relations or asking about
// a pair with none. Keyboard and clicker driven: A/B/C or 1/2/3 answer,
// Enter reveals, PageDown goes on (PageUp back). After an answer: what the
// data record (quote, date, source), what balance predicts and the triangles
// behind it, whether they agree, and the explanation; a running score that
// can be hidden. Without a quiz in the scene there is no Quiz button (the
// glossary says why).

const QUIZ_RING = { colour: "#0072B2", px: 6 };
const QUIZ_LETTERS = ["A", "B", "C"];

/**
 * @param {ModeKit} kit
 * @returns {Mode}
 */
function quizView(kit) {
  const app = kit.app;
  const state = app.state;
  const quiz = app.model.data.quiz || null;
  const panel = kit.panel("quiz-panel", "Quiz: allies or enemies?");
  const toggle = quiz ? kit.toggle("quiz", "Quiz") : null;
  const questions = quiz ? quiz.questions : [];
  let at = 0; // the question shown; questions.length: the end
  /** @type {Array<number | null>} */
  const chosen = questions.map(() => null);
  const revealed = questions.map(() => false);
  let scoreShown = true;
  const body = element("div", null, "mode-body");
  panel.appendChild(body);

  /** @param {QuizQuestion} question */
  const correct = (question) => (quiz ? quiz.answers.indexOf(question.answer) : -1);
  // "neither / it's complicated", the third answer: right too where balance
  // itself predicts neither (its triangles split), whatever the key says.
  const NEITHER = 2;
  /**
   * Whether an answer counts as right.
   * @param {QuizQuestion} question
   * @param {number | null} answer
   */
  const isRight = (question, answer) =>
    answer !== null &&
    (answer === correct(question) || (quiz !== null && answer === NEITHER && question.predicted === quiz.answers[NEITHER]));

  function score() {
    const answered = revealed.filter(Boolean).length;
    const right = questions.filter((q, index) => revealed[index] && isRight(q, chosen[index])).length;
    return { right: right, answered: answered };
  }

  /** @param {number} index */
  function answer(index) {
    if (at >= questions.length || revealed[at]) return;
    chosen[at] = index;
    app.update();
  }

  function reveal() {
    if (at >= questions.length) return;
    revealed[at] = true;
    app.update();
    const verdict = byId("quiz-verdict");
    verdict.focus({ preventScroll: true });
    verdict.scrollIntoView({ block: "start" }); // at the top of the panel: on a phone, in the first screen
  }

  /** @param {number} steps */
  function go(steps) {
    at = Math.min(Math.max(at + steps, 0), questions.length);
    app.update();
    const focus = document.getElementById(at < questions.length ? "quiz-question" : "quiz-end");
    if (focus) focus.focus();
  }

  /** @param {string[]} ids */
  const through = (ids) => ids.map((id) => "through " + kit.name(id));

  /** @param {QuizQuestion} question */
  function revelation(question) {
    const box = element("div", null, "quiz-reveal");
    box.id = "quiz-reveal";
    const mine = chosen[at];
    const right = quiz ? quiz.answers[correct(question)] : "";
    const said = mine === null || !quiz ? "" : quiz.answers[mine];
    const verdict = element("p",
      mine === null ? "The answer: " + right + "." :
        mine === correct(question) ? "Right: " + right + "." :
          isRight(question, mine) ? "Right too: balance predicts " + said + " here; the data record " + right + "." :
            "The answer: " + right + " (you said " + said + ").", "verdict");
    verdict.id = "quiz-verdict";
    verdict.tabIndex = -1;
    box.appendChild(verdict);
    box.appendChild(element("h3", "What the data record"));
    const records = element("ul");
    records.id = "quiz-records";
    if (!question.records.length) records.appendChild(element("li", "Nothing: no relation between them is recorded, so the answer is balance theory's guess."));
    question.records.forEach((record) => {
      const item = element("li", record.source_name + " " + record.label + " " + record.target_name + " ");
      item.dataset.type = record.type;
      const quote = element("span", null, "quote");
      if (record.evidence) quote.appendChild(element("q", record.evidence));
      quote.append(" (" + record.when + (record.citation ? "; " + record.citation : "") + ")");
      item.appendChild(quote);
      records.appendChild(item);
    });
    box.appendChild(records);
    const heading = element("h3");
    heading.append("What ", kit.term("structural balance"), " predicts");
    box.appendChild(heading);
    const agreeing = Math.round(question.agreement * question.triads);
    const predicted = element("p", question.predicted + " (" + agreeing + " of " + question.triads + " triangles)");
    predicted.id = "quiz-predicted";
    box.appendChild(predicted);
    const triads = element("ul");
    triads.id = "quiz-triads";
    through(question.supporting).forEach((text) =>
      triads.appendChild(element("li", "The triangle " + text + " points to " + question.predicted + ".", "for")));
    through(question.opposing).forEach((text) =>
      triads.appendChild(element("li", "The triangle " + text + " points the other way.", "against")));
    box.appendChild(triads);
    const agree = element("p",
      question.agree === null ? "The data cannot check this guess: nothing is recorded between them." :
        question.agree ? "The data and balance theory agree." :
          "The data and balance theory disagree. This is a contested one, and the point of the lesson: some actors (a watchdog accusing both sides, civilians harmed by both) do not fit a world of two camps.",
      "agree");
    agree.id = "quiz-agree";
    box.appendChild(agree);
    const explanation = element("p", question.explanation, "explanation");
    explanation.id = "quiz-explanation";
    box.appendChild(explanation);
    return box;
  }

  /** @param {Set<number>} _shown */
  function draw(_shown) {
    body.replaceChildren();
    if (!quiz) return;
    const tally = score();
    const scoreLine = element("p", null, "score");
    const scoreText = element("span", "Score: " + tally.right + " of " + tally.answered);
    scoreText.id = "quiz-score";
    scoreText.hidden = !scoreShown;
    const scoreToggle = button(scoreShown ? "Hide score" : "Show score", () => {
      scoreShown = !scoreShown;
      app.update();
    });
    scoreToggle.id = "quiz-score-toggle";
    scoreLine.append(scoreText, " ", scoreToggle, " ");
    const words = button("Glossary", () => kit.explain("enemy of my enemy"));
    words.setAttribute("aria-controls", "glossary-panel");
    scoreLine.appendChild(words);
    body.appendChild(scoreLine);
    if (at >= questions.length) {
      const end = element("p", "End of the quiz: " + tally.right + " right of " + tally.answered + " answered, out of " + questions.length + " questions.");
      end.id = "quiz-end";
      end.tabIndex = -1;
      body.append(end, button("Start again", () => {
        at = 0;
        chosen.fill(null);
        revealed.fill(false);
        app.update();
      }));
      return;
    }
    const question = questions[at];
    // Its level (clear-cut, leaning, contested) is part of the answer: said once revealed.
    const level = revealed[at] ? " · " + question.level : "";
    body.appendChild(element("p", "Question " + question.number + " of " + questions.length + level, "where"));
    const asked = element("p", question.question, "question");
    asked.id = "quiz-question";
    asked.tabIndex = -1;
    body.appendChild(asked);
    const answers = element("div", null, "answers");
    answers.setAttribute("role", "group");
    answers.setAttribute("aria-label", "Answers (keys A, B, C or 1, 2, 3)");
    quiz.answers.forEach((text, index) => {
      const choice = button(QUIZ_LETTERS[index] + "  " + text, () => answer(index), "answer");
      choice.setAttribute("aria-pressed", String(chosen[at] === index));
      choice.setAttribute("aria-keyshortcuts", QUIZ_LETTERS[index] + " " + (index + 1));
      choice.dataset.answer = String(index);
      choice.disabled = revealed[at];
      answers.appendChild(choice);
    });
    body.appendChild(answers);
    const moves = element("p", null, "quiz-moves");
    const show = button("Reveal (Enter)", reveal);
    show.id = "quiz-reveal-button";
    show.disabled = revealed[at];
    const next = button("Next (PageDown)", () => go(1));
    next.id = "quiz-next";
    moves.append(show, " ", next);
    body.appendChild(moves);
    // The answers under the question, the clues after them: a projector and a
    // phone show the question and its answers, then the verdict, first.
    if (revealed[at]) body.appendChild(revelation(question));
    const clues = element("ul", null, "clues");
    clues.setAttribute("aria-label", "Clues");
    question.clues.forEach((clue) => clues.appendChild(element("li", clue)));
    body.appendChild(clues);
  }

  // Its keys, in the page's list of keys.
  if (quiz) {
    const keys = byId("help").querySelector("dl");
    [["A B C, 1 2 3", "answer (quiz)"], ["Enter", "reveal the answer (quiz)"], ["PageDown PageUp", "next and previous question (quiz)"]]
      .forEach(([key, action]) => keys && keys.append(element("dt", key), element("dd", action)));
  }

  // The quiz's keys come first while it is on: a clicker's PageDown goes to
  // the next question, not to the story.
  document.addEventListener(
    "keydown",
    (event) => {
      if (!quiz || state.views.mode !== "quiz" || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target && target.closest("input, textarea, select, [contenteditable]")) return;
      const letter = ["a", "b", "c"].indexOf(event.key.toLowerCase());
      const digit = ["1", "2", "3"].indexOf(event.key);
      if (letter >= 0 || digit >= 0) answer(Math.max(letter, digit));
      else if (event.key === "Enter" && at < questions.length && !revealed[at]) {
        const picked = target && target.closest("button.answer");
        if (picked instanceof HTMLElement) answer(Number(picked.dataset.answer));
        else if (target && target.closest("button")) return; // a button's own Enter
        reveal();
      } else if (event.key === "PageDown") go(1);
      else if (event.key === "PageUp") go(-1);
      else return;
      event.preventDefault();
    },
    true
  );

  /** The relations of the pair asked about, hidden until revealed. */
  function hidden() {
    if (!quiz || at >= questions.length || revealed[at]) return new Set();
    const question = questions[at];
    const asked = pairKey(question.actor, question.other);
    return new Set(app.model.data.edges.filter((e) => pairKey(e.from, e.to) === asked).map((e) => e.id));
  }

  return {
    name: "quiz",
    toggle: toggle,
    panel: panel,
    enter: () => {
      state.period = null; // the questions are about every relation
      state.step = -1;
      state.selected = null;
    },
    draw: draw,
    colours: () => null,
    // The pair asked about: the network names them first, wherever names are left out.
    named: () => (quiz && at < questions.length ? [questions[at].actor, questions[at].other] : []),
    hide: (shown) => {
      const out = hidden();
      return out.size ? new Set(Array.from(shown).filter((id) => !out.has(id))) : shown;
    },
    overlay: (context, drawing) => {
      if (!quiz || at >= questions.length) return;
      const question = questions[at];
      const scale = drawing.getScale();
      const positions = drawing.getPositions([question.actor, question.other]);
      [question.actor, question.other].forEach((id) => {
        const actor = app.model.actors.get(id);
        const p = positions[id];
        if (!actor || !p) return;
        context.save();
        context.strokeStyle = QUIZ_RING.colour;
        context.lineWidth = QUIZ_RING.px / scale;
        context.beginPath();
        context.arc(p.x, p.y, actor.size + 10 / scale, 0, 2 * Math.PI);
        context.stroke();
        context.restore();
      });
    },
  };
}
