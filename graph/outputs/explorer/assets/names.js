// @ts-check
// Names by importance at scale. Above the scene's labelled_up_to actors the
// layout keeps no names apart, and drawing every name (thousands, overlapping)
// made a picture nobody can read and a zoomed-in frame seconds long. There the
// network view names, in the part of the network on screen, the most central
// actors first (the reader's lit actors before them), as many as fit without
// overlapping; every other name is on hover, tap or search.

const NAMES_CONSIDERED = 400; // the most central actors in view tried for a name
const RENAME_AFTER_MS = 120; // after a zoom or a pan stops, the names are chosen again

/**
 * The actors whose points lie in a box: the lit ones first, then by degree
 * (then id), at most `most` of them.
 * @param {SceneNode[]} actors
 * @param {(actor: SceneNode) => vis.Point} at
 * @param {{left: number, right: number, top: number, bottom: number}} box
 * @param {Set<string>} first
 * @param {number} most
 * @returns {SceneNode[]}
 */
function centralInView(actors, at, box, first, most) {
  return actors
    .filter((a) => {
      const p = at(a);
      return p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom;
    })
    .sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id)) || b.degree - a.degree || compareText(a.id, b.id))
    .slice(0, most);
}

/**
 * A function that runs `action` once calls have stopped for RENAME_AFTER_MS.
 * @param {() => void} action
 * @returns {() => void}
 */
function whenStill(action) {
  /** @type {number | undefined} */
  let timer;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, RENAME_AFTER_MS);
  };
}
