// The timeline: one stacked bar per day, week, month or year that holds events (stacked by event
// type or by modality), on a linear time axis: a bar stands where its dates fall and is as wide
// as its stretch of time, so empty years take the room they span. Drag to brush a range: the
// filter becomes the bars the brush touches, from the first one's start to the last one's end,
// so a brush over empty time selects none of it beyond the bars (and over no bar, nothing).

import { clear, el, formatDate, svg } from "./dom.js";
import { modalityColor, typeColor } from "./colors.js";

const M = { top: 10, right: 10, bottom: 44, left: 34 };
const DAY = 86400000;

const ms = (iso) => Date.parse(iso + "T00:00:00Z");
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function addDays(day, n) {
  return iso(ms(day) + n * DAY);
}

export function bucketEnd(day, interval) {
  if (interval === "week") return addDays(day, 6);
  if (interval === "month") {
    const d = new Date(ms(day));
    return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  }
  if (interval === "year") return `${day.slice(0, 4)}-12-31`;
  return day;
}

// Tick steps, finest first: [unit, count]; the finest that leaves ~70 px a label is used.
const STEPS = [["day", 1], ["day", 2], ["day", 7], ["month", 1], ["month", 3], ["month", 6],
  ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 50], ["year", 100]];

function stepStarts(t0, t1, [unit, n]) {
  const out = [];
  const d = new Date(t0);
  if (unit === "day") {
    let t = t0;
    if (n === 7) t += ((8 - new Date(t0).getUTCDay()) % 7) * DAY; // Mondays
    for (; t < t1; t += n * DAY) out.push(t);
    return out;
  }
  let y = d.getUTCFullYear();
  let m = unit === "month" ? d.getUTCMonth() : 0;
  if (unit === "month") m = Math.ceil(m / n) * n;
  else y = Math.ceil(y / n) * n;
  for (;;) {
    const t = Date.UTC(y, m, 1);
    if (t >= t1) return out;
    if (t >= t0) out.push(t);
    if (unit === "month") { m += n; if (m >= 12) { y += Math.floor(m / 12); m %= 12; } } else y += n;
  }
}

const APPROX = { day: DAY, month: 30.44 * DAY, year: 365.25 * DAY };

function ticks(t0, t1, maxTicks) {
  for (const step of STEPS) {
    if ((t1 - t0) / (APPROX[step[0]] * step[1]) > maxTicks + 2) continue; // too many, surely
    const starts = stepStarts(t0, t1, step);
    if (starts.length <= maxTicks) return { step, starts };
  }
  return { step: STEPS[STEPS.length - 1], starts: [] };
}

function tickLabel(t, [unit]) {
  if (unit === "year") return String(new Date(t).getUTCFullYear());
  return formatDate(iso(t), unit === "month" ? "month" : "day");
}

export function drawTimeline(node, agg, stackBy, onBrush) {
  clear(node);
  delete node.dataset.brushed;
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
  // The axis: from the first bar's first day to the day after the last bar's last day.
  const t0 = ms(dates[0]);
  const t1 = ms(bucketEnd(dates[dates.length - 1], agg.interval)) + DAY;
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * plotW;
  const time = (px) => t0 + ((px - M.left) / plotW) * (t1 - t0);
  const y = (v) => M.top + plotH - (v / maxStack) * plotH;
  node.dataset.start = iso(t0);
  node.dataset.end = iso(t1 - DAY);

  const axis = svg("g", { class: "tl-axis" });
  for (const v of [0, Math.ceil(maxStack / 2), maxStack]) {
    axis.append(svg("line", { x1: M.left, x2: width - M.right, y1: y(v), y2: y(v) }));
    axis.append(svg("text", { x: M.left - 4, y: y(v) + 3, "text-anchor": "end", text: String(v) }));
  }
  const { step, starts } = ticks(t0, t1, Math.max(2, Math.floor(plotW / 70)));
  const byDay = step[0] === "day" && step[1] === 1;
  for (const t of starts) {
    axis.append(svg("line", { class: "tl-tick", x1: x(t), x2: x(t), y1: M.top + plotH, y2: M.top + plotH + 4 }));
    if (!byDay && x(t) + 40 > width) continue; // a label that would run off the edge: the tick alone
    axis.append(svg("text", {
      x: byDay ? x(t + DAY / 2) : x(t), y: height - M.bottom + 14, "text-anchor": byDay ? "middle" : "start",
      class: "tl-label", "data-time": iso(t), text: tickLabel(t, step),
    }));
  }
  node.append(axis);

  const bars = svg("g", { class: "tl-bars" });
  for (const d of dates) {
    const left = x(ms(d));
    const span = x(ms(bucketEnd(d, agg.interval)) + DAY) - left;
    const barW = Math.max(1, span > 4 ? span * 0.85 : span);
    const bx = left + (span - barW) / 2;
    let base = 0;
    for (const key of keys) {
      const n = stacks.get(d).get(key) || 0;
      if (!n) continue;
      bars.append(svg("rect", {
        class: "tl-bar", x: bx, width: barW, y: y(base + n), height: Math.max(0.5, y(base) - y(base + n)),
        fill: color(key), "data-date": d, "data-key": key, "data-count": n,
      }, svg("title", { text: `${formatDate(d, agg.interval)}: ${key} ${n}` })));
      base += n;
    }
  }
  node.append(bars);
  const undated = agg.without_date ? `; ${agg.without_date} undated event${agg.without_date === 1 ? "" : "s"} not shown` : "";
  node.append(svg("text", { x: width - M.right, y: height - 6, "text-anchor": "end", class: "tl-interval",
    text: `one bar per ${agg.interval}; time runs evenly${undated}` }));

  for (const key of keys) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = color(key);
    legend.append(el("span", { class: "chip" }, sw, `${key} ${totals.get(key)}`));
  }

  // Brushing: drag over the axis; release to filter every view to the bars brushed.
  const brush = svg("rect", { class: "tl-brush", y: M.top, height: plotH, x: 0, width: 0, visibility: "hidden" });
  node.append(brush);
  const px = (clientX) => {
    const box = node.getBoundingClientRect();
    return Math.min(M.left + plotW, Math.max(M.left, (clientX - box.left) * (width / box.width)));
  };
  const show = (a, b) => {
    brush.setAttribute("x", Math.min(a, b));
    brush.setAttribute("width", Math.max(1, Math.abs(b - a)));
  };
  let start = null;
  node.onpointerdown = (ev) => {
    start = px(ev.clientX);
    node.setPointerCapture(ev.pointerId);
    brush.setAttribute("visibility", "visible");
    show(start, start);
  };
  node.onpointermove = (ev) => {
    if (start !== null) show(start, px(ev.clientX));
  };
  node.onpointerup = (ev) => {
    if (start === null) return;
    const [a, b] = [start, px(ev.clientX)].sort((p, q) => p - q);
    start = null;
    const [ta, tb] = [time(a), time(Math.max(b, a + 1))];
    const hit = dates.filter((d) => ms(d) < tb && ms(bucketEnd(d, agg.interval)) + DAY > ta);
    if (!hit.length) { // empty time: nothing to filter to
      brush.setAttribute("visibility", "hidden");
      node.dataset.brushed = "none";
      return;
    }
    onBrush(hit[0], bucketEnd(hit[hit.length - 1], agg.interval));
  };
}
