// The explorer page: draws the embedded graph data with vis-network.
// Every text from the data is set with textContent, never parsed as HTML.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function edgeTooltip(edge) {
    const box = element("div", null, "tooltip");
    box.appendChild(element("strong", edge.label));
    const dates = (edge.start || "…") + " – " + (edge.end || "…");
    box.appendChild(element("div", dates + " · " + edge.confidence));
    if (edge.evidence) box.appendChild(element("div", "“" + edge.evidence + "”", "evidence"));
    if (edge.citation) box.appendChild(element("div", edge.citation, "citation"));
    return box;
  }

  function nodeTooltip(node) {
    const box = element("div", null, "tooltip");
    box.appendChild(element("strong", node.name));
    box.appendChild(element("div", node.kind + " · " + node.camp));
    if (node.description) box.appendChild(element("div", node.description));
    return box;
  }

  const nodes = data.nodes.map(function (node) {
    return {
      id: node.id, label: node.label, x: node.x, y: node.y, size: node.size,
      color: { background: node.color, border: "#000" }, title: nodeTooltip(node),
      shape: "dot", font: { size: 16, color: "#111", strokeWidth: 3, strokeColor: "#fff" },
    };
  });
  const edges = data.edges.map(function (edge) {
    return {
      id: edge.id, from: edge.from, to: edge.to, arrows: "to", title: edgeTooltip(edge),
      dashes: edge.sign < 0, width: edge.confidence === "confirmed" ? 2.5 : 1,
      color: { color: edge.sign > 0 ? "#0072B2" : edge.sign < 0 ? "#D55E00" : "#777" },
    };
  });

  const legend = document.getElementById("legend");
  legend.appendChild(element("h2", "Camps"));
  data.camps.forEach(function (entry) {
    const row = element("div");
    const swatch = element("span", null, "swatch");
    swatch.style.background = entry.color;
    row.appendChild(swatch);
    row.appendChild(element("span", entry.camp));
    legend.appendChild(row);
  });
  legend.appendChild(element("h2", "Relations"));
  legend.appendChild(element("div", "solid line: support"));
  legend.appendChild(element("div", "dashed line: opposition"));

  const network = new vis.Network(
    document.getElementById("network"),
    { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) },
    { physics: { enabled: false }, interaction: { hover: true }, edges: { smooth: false } }
  );
  window.explorer = { network: network, data: data };
})();
