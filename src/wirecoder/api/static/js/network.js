// The actor network: who acts on whom, cut by the API to the parties in most events and the
// links of at least so many events (the panel's two controls), so it is not a hairball. Nodes are the store's registry actors (one node for
// "Trump" and "Donald Trump" in every document, its code in the tooltip) and described parties
// by their code ("MEX CRM"); edges run source -> target, one per event type, as wide as their
// event count. Only the LABELS best-connected nodes are labelled, so labels do not pile up; the
// others name themselves on hover. Laid out by a small deterministic force simulation (same
// data, same picture).

import { clear, svg } from "./dom.js";
import { typeColor } from "./colors.js";

function layout(nodes, edges, width, height) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    node.x = width / 2 + (width / 3) * Math.cos(angle);
    node.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  const ideal = Math.min(140, Math.sqrt((width * height) / Math.max(1, n)) * 0.9);
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (const a of nodes) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(25, dx * dx + dy * dy);
        if (d2 > 16 * ideal * ideal) continue; // far apart: no push, so loose parts stay near
        const f = (ideal * ideal) / d2;
        dx *= f; dy *= f;
        a.dx += dx; a.dy += dy; b.dx -= dx; b.dy -= dy;
      }
    }
    for (const e of edges) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d - ideal) / d * 0.5;
      e.s.dx += dx * f; e.s.dy += dy * f; e.t.dx -= dx * f; e.t.dy -= dy * f;
    }
    for (const a of nodes) {
      a.dx += (width / 2 - a.x) * 0.03; a.dy += (height / 2 - a.y) * 0.03;
      const len = Math.max(1, Math.hypot(a.dx, a.dy));
      const lim = Math.min(len, 20 * cool + 0.5);
      a.x += (a.dx / len) * lim; a.y += (a.dy / len) * lim;
    }
  }
  // Fit into the box, leaving room for labels.
  const pad = 40;
  const xs = nodes.map((a) => a.x), ys = nodes.map((a) => a.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(1.2, (width - 2 * pad) / Math.max(1, x1 - x0), (height - 2 * pad) / Math.max(1, y1 - y0));
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  for (const a of nodes) {
    a.x = width / 2 + (a.x - cx) * scale;
    a.y = height / 2 + (a.y - cy) * scale;
  }
}

const LABELS = 12; // labelled nodes, by degree

// `pairs`: the links the API kept (/api/aggregates top_actors, min_weight), `cut` its figures.
export function drawNetwork(node, pairs, cut) {
  clear(node);
  const width = node.clientWidth || 600;
  const height = node.clientHeight || 390;
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const byLabel = new Map();
  const nodeOf = (label, code) => {
    if (!byLabel.has(label)) byLabel.set(label, { label, code: code || "", weight: 0, degree: new Set() });
    return byLabel.get(label);
  };
  const edges = pairs.map((p) => {
    const s = nodeOf(p.source, p.source_code), t = nodeOf(p.target, p.target_code);
    s.weight += p.count; t.weight += p.count;
    s.degree.add(t.label); t.degree.add(s.label);
    return { ...p, s, t };
  });
  const nodes = [...byLabel.values()].sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));

  const note = document.getElementById("network-note");
  if (!nodes.length) {
    node.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", text: cut.min_weight > 1
      ? `no links of ${cut.min_weight} events or more: lower the minimum` : "no events with both a source and a target" }));
    note.textContent = "";
    return;
  }
  layout(nodes, edges.filter((e) => e.s !== e.t), width, height);
  const radius = (a) => 4 + 2.2 * Math.sqrt(a.weight);
  const labels = placeLabels(nodes, radius, width, height);

  const defs = svg("defs");
  for (const type of new Set(edges.map((e) => e.type))) {
    defs.append(svg("marker", {
      id: `arrow-${type.replace(/[^A-Za-z0-9_-]/g, "")}`, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse",
    }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: typeColor(type) })));
  }
  node.append(defs);

  // Several types between one ordered pair: fan them out; A->B and B->A bend to opposite sides.
  const seen = new Map();
  const edgeLayer = svg("g", { class: "net-edges" });
  for (const e of edges) {
    const key = `${e.source}\u0000${e.target}`;
    const k = seen.get(key) || 0;
    seen.set(key, k + 1);
    let d;
    if (e.s === e.t) {
      const r = radius(e.s);
      d = `M${e.s.x - r / 2},${e.s.y - r} C${e.s.x - 30 - 8 * k},${e.s.y - 50 - 8 * k} ${e.s.x + 30 + 8 * k},${e.s.y - 50 - 8 * k} ${e.s.x + r / 2},${e.s.y - r}`;
    } else {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, len = Math.max(1, Math.hypot(dx, dy));
      const bend = 14 + 12 * k;
      const cx = (e.s.x + e.t.x) / 2 - (dy / len) * bend, cy = (e.s.y + e.t.y) / 2 + (dx / len) * bend;
      const back = radius(e.t) + 2, ex = e.t.x - cx, ey = e.t.y - cy, el = Math.max(1, Math.hypot(ex, ey));
      d = `M${e.s.x},${e.s.y} Q${cx},${cy} ${e.t.x - (ex / el) * back},${e.t.y - (ey / el) * back}`;
    }
    edgeLayer.append(svg("path", {
      class: "net-edge", d, stroke: typeColor(e.type), "stroke-width": (1 + 1.6 * Math.log2(1 + e.count)).toFixed(2),
      "marker-end": `url(#arrow-${e.type.replace(/[^A-Za-z0-9_-]/g, "")})`,
      "data-source": e.source, "data-target": e.target, "data-type": e.type, "data-count": e.count,
      "data-source-code": e.source_code || "", "data-target-code": e.target_code || "",
    }, svg("title", { text: `${e.source} → ${e.target}: ${e.type} × ${e.count}\n${e.names.join("\n")}` })));
  }
  node.append(edgeLayer);

  const nodeLayer = svg("g", { class: "net-nodes" });
  for (const a of nodes) {
    const spot = labels.get(a);
    const coded = a.code && a.code !== a.label ? ` (${a.code})` : "";
    const g = svg("g", { class: "net-node", "data-label": a.label, "data-code": a.code,
      "data-labelled": spot ? "yes" : "no", transform: `translate(${a.x.toFixed(1)},${a.y.toFixed(1)})` },
      svg("circle", { r: radius(a).toFixed(1) }),
      ...(spot ? [svg("text", { x: spot.x, y: spot.y, "text-anchor": spot.anchor, text: a.label })] : []),
      svg("title", { text: `${a.label}${coded}: in ${a.weight} event links with ${a.degree.size} parties` }));
    g.addEventListener("mouseenter", () => highlight(node, a.label));
    g.addEventListener("mouseleave", () => highlight(node, null));
    nodeLayer.append(g);
  }
  node.append(nodeLayer);
  const of = (shown, all) => (all > shown ? `${shown} of ${all}` : `${shown}`);
  note.textContent = `${of(nodes.length, cut.actors)} parties (those in most events), `
    + `${of(edges.length, cut.links)} links`
    + (cut.min_weight > 1 ? ` of at least ${cut.min_weight} events` : "")
    + `. One node per actor across documents, a description by its code; ${labels.size} labelled, hover for the rest.`;
}

// Labels for the best-connected nodes (most parties met, then most events), at most LABELS:
// each at the first of right, left, above, below of its node where its box overlaps no label
// placed before (and no node, where such a place exists); a label that fits nowhere is left out
// (the node's title names it).
const CHAR_WIDTH = 6.2, LINE = 13;

function placeLabels(nodes, radius, width, height) {
  const boxes = [], placed = new Map();
  const hits = (b) => boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1)
    || b.x0 < 0 || b.x1 > width || b.y0 < 0 || b.y1 > height;
  const circles = nodes.map((a) => ({ a, r: radius(a) }));
  const onNode = (b, self) => circles.some(({ a, r }) => a !== self
    && a.x + r > b.x0 && a.x - r < b.x1 && a.y + r > b.y0 && a.y - r < b.y1);
  const ranked = [...nodes].sort((a, b) => b.degree.size - a.degree.size || b.weight - a.weight
    || a.label.localeCompare(b.label));
  for (const a of ranked) {
    if (placed.size >= LABELS) break;
    const w = a.label.length * CHAR_WIDTH, r = radius(a);
    const spots = [
      { x: r + 3, y: 4, anchor: "start", box: [a.x + r + 3, a.y - LINE / 2, a.x + r + 3 + w, a.y + LINE / 2] },
      { x: -r - 3, y: 4, anchor: "end", box: [a.x - r - 3 - w, a.y - LINE / 2, a.x - r - 3, a.y + LINE / 2] },
      { x: 0, y: -r - 4, anchor: "middle", box: [a.x - w / 2, a.y - r - 4 - LINE, a.x + w / 2, a.y - r - 2] },
      { x: 0, y: r + 12, anchor: "middle", box: [a.x - w / 2, a.y + r + 1, a.x + w / 2, a.y + r + 2 + LINE] },
    ];
    const free = spots.map((spot) => {
      const [x0, y0, x1, y1] = spot.box;
      return { spot, b: { x0, y0, x1, y1 } };
    }).filter(({ b }) => !hits(b));
    const best = free.find(({ b }) => !onNode(b, a)) || free[0];  // clear of nodes if it can be
    if (best) {
      boxes.push(best.b);
      placed.set(a, best.spot);
    }
  }
  return placed;
}

function highlight(root, label) {
  for (const e of root.querySelectorAll(".net-edge")) {
    e.classList.toggle("dim", label !== null && e.dataset.source !== label && e.dataset.target !== label);
  }
}
