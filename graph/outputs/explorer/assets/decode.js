// @ts-check
// The text a page carries in an element: as it is, or gzip-compressed and
// base64-encoded (data-encoding="gzip base64", as graph.outputs.explorer.render
// writes a large network's scene: 5 to 10 times smaller in the file), unpacked
// by the browser's own DecompressionStream, offline.

const PACKED = "gzip base64";

/**
 * @param {HTMLElement} element
 * @returns {Promise<string>}
 */
function embeddedText(element) {
  const text = element.textContent || "";
  if (element.dataset.encoding !== PACKED) return Promise.resolve(text);
  if (typeof DecompressionStream === "undefined") {
    return Promise.reject(new Error("this browser cannot unpack the page's data: it needs " +
      "DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 or newer)"));
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
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
