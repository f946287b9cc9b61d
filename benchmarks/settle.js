// Added to a page before its own scripts by benchmarks/bench_explorer.py.
// Every frame it reads the node positions of the page's vis.Network (the
// explorer's window.explorer.network, or pyvis's global `network`) and records
// in window.__settle when they stopped moving: the time of the first frame of
// a run of STABLE_FRAMES frames in which no node moved more than TOLERANCE px.
"use strict";
(() => {
  const STABLE_FRAMES = 30;
  const TOLERANCE = 0.1;
  const record = { createdAt: null, settledAt: null, frames: 0, movedAt: null, lastMove: null };
  window.__settle = record;
  let anchor = null;
  let anchorTime = null;
  let still = 0;

  function pageNetwork() {
    if (window.explorer && window.explorer.network) return window.explorer.network;
    const network = window.network;
    return network && typeof network.getPositions === "function" ? network : null;
  }

  function largestMove(from, to) {
    let largest = 0;
    for (const id in to) {
      const a = from[id];
      const b = to[id];
      if (!a) return Infinity;
      largest = Math.max(largest, Math.abs(a.x - b.x), Math.abs(a.y - b.y));
    }
    return largest;
  }

  function frame() {
    const network = pageNetwork();
    if (network) {
      const now = performance.now();
      const positions = network.getPositions();
      record.frames += 1;
      if (record.createdAt === null) record.createdAt = now;
      const moved = anchor === null ? Infinity : largestMove(anchor, positions);
      if (moved === Infinity || moved > TOLERANCE) {
        record.movedAt = now;
        record.lastMove = moved;
        anchor = positions;
        anchorTime = now;
        still = 0;
      } else if (++still >= STABLE_FRAMES) {
        record.settledAt = anchorTime;
        return;
      }
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
