// The timeline: one stacked bar per day, week or month that holds events (stacked by event
// type or by modality). Dashed lines mark skipped stretches of time. Drag to brush a range.

import { clear, el, formatDate, svg } from "./dom.js";
import { modalityColor, typeColor } from "./colors.js";

const M = { top: 10, right: 10, bottom: 44, left: 34 };

function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function bucketEnd(iso, interval) {
  if (interval === "week") return addDays(iso, 6);
  if (interval === "month") {
    const d = new Date(iso + "T00:00:00Z");
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  }
  return iso;
}

function next(iso, interval) {
  if (interval === "month") return addDays(bucketEnd(iso, "month"), 1);
  return addDays(iso, interval === "week" ? 7 : 1);
}

export function drawTimeline(node, agg, stackBy, onBrush) {
  clear(node);
  const width = node.clientWidth || 600;
  const height = node.clientHeight || 240;
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const legend = clear(document.getElementById("tl-legend"));
  const dates = [...new Set(agg.by_date.map((d) => d.date))].sort();
  if (!dates.length) {
    node.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty",
      text: agg.without_date ? `${agg.without_date} events, none dated (no publication date?)` : "no events" }));
    return;
  }
  const color = stackBy === "type" ? typeColor : modalityColor;
  const stacks = new Map(dates.map((d) => [d, new Map()]));
  const totals = new Map();
  for (const row of agg.by_date) {
    const key = row[stackBy];
    const s = stacks.get(row.date);
    s.set(key, (s.get(key) || 0) + row.count);
    totals.set(key, (totals.get(key) || 0) + row.count);
  }
  const keys = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
  const maxStack = Math.max(...dates.map((d) => [...stacks.get(d).values()].reduce((a, b) => a + b, 0)));
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const band = plotW / dates.length;
  const barW = Math.max(1, Math.min(48, band * 0.8));
  const y = (v) => M.top + plotH - (v / maxStack) * plotH;

  const axis = svg("g", { class: "tl-axis" });
  for (const v of [0, Math.ceil(maxStack / 2), maxStack]) {
    axis.append(svg("line", { x1: M.left, x2: width - M.right, y1: y(v), y2: y(v) }));
    axis.append(svg("text", { x: M.left - 4, y: y(v) + 3, "text-anchor": "end", text: String(v) }));
  }
  const every = Math.max(1, Math.ceil(dates.length / Math.max(1, Math.floor(plotW / 80))));
  dates.forEach((d, i) => {
    if (i % every) return;
    const x = M.left + band * (i + 0.5);
    axis.append(svg("text", { x, y: height - M.bottom + 14, "text-anchor": "middle", class: "tl-label", text: formatDate(d, agg.interval) }));
  });
  node.append(axis);

  const bars = svg("g", { class: "tl-bars" });
  dates.forEach((d, i) => {
    const x = M.left + band * i + (band - barW) / 2;
    let base = 0;
    for (const key of keys) {
      const n = stacks.get(d).get(key) || 0;
      if (!n) continue;
      bars.append(svg("rect", {
        class: "tl-bar", x, width: barW, y: y(base + n), height: Math.max(0.5, y(base) - y(base + n)),
        fill: color(key), "data-date": d, "data-key": key, "data-count": n,
      }, svg("title", { text: `${formatDate(d, agg.interval)}: ${key} ${n}` })));
      base += n;
    }
    if (i > 0 && next(dates[i - 1], agg.interval) !== d) {
      const gx = M.left + band * i;
      bars.append(svg("line", { class: "tl-gap", x1: gx, x2: gx, y1: M.top, y2: M.top + plotH }));
    }
  });
  node.append(bars);
  const undated = agg.without_date ? `; ${agg.without_date} undated event${agg.without_date === 1 ? "" : "s"} not shown` : "";
  node.append(svg("text", { x: width - M.right, y: height - 6, "text-anchor": "end", class: "tl-interval",
    text: `one bar per ${agg.interval}; dashed line: time skipped${undated}` }));

  for (const key of keys) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = color(key);
    legend.append(el("span", { class: "chip" }, sw, `${key} ${totals.get(key)}`));
  }

  // Brushing: drag over the bars; release to filter every view to those dates.
  const brush = svg("rect", { class: "tl-brush", y: M.top, height: plotH, x: 0, width: 0, visibility: "hidden" });
  node.append(brush);
  const index = (clientX) => {
    const box = node.getBoundingClientRect();
    const x = (clientX - box.left) * (width / box.width) - M.left;
    return Math.min(dates.length - 1, Math.max(0, Math.floor(x / band)));
  };
  let start = null;
  node.onpointerdown = (ev) => {
    start = index(ev.clientX);
    node.setPointerCapture(ev.pointerId);
    brush.setAttribute("visibility", "visible");
    brush.setAttribute("x", M.left + band * start);
    brush.setAttribute("width", band);
  };
  node.onpointermove = (ev) => {
    if (start === null) return;
    const i = index(ev.clientX);
    const [a, b] = [Math.min(start, i), Math.max(start, i)];
    brush.setAttribute("x", M.left + band * a);
    brush.setAttribute("width", band * (b - a + 1));
  };
  node.onpointerup = (ev) => {
    if (start === null) return;
    const i = index(ev.clientX);
    const [a, b] = [Math.min(start, i), Math.max(start, i)];
    start = null;
    onBrush(dates[a], bucketEnd(dates[b], agg.interval));
  };
}
