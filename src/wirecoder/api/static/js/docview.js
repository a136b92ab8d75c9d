// The document view: the article's text with the evidence of every event, quote, number and
// claim verdict highlighted, and the records listed beside it. The text is untrusted: it is cut
// into text nodes at the span boundaries and wrapped in <mark> elements, never parsed as HTML.

import { getJSON } from "./api.js";
import { clear, el, formatDate, safeLink } from "./dom.js";

function spansOf(analysis) {
  const spans = []; // [start, end, class, record id]
  for (const e of analysis.events) {
    for (const s of e.evidence) spans.push([s.start, s.end, "hl-event", e.id]);
    spans.push([e.trigger.start, e.trigger.end, "hl-trigger", e.id]);
  }
  for (const q of analysis.quotes) for (const s of q.content) spans.push([s.start, s.end, "hl-quote", q.id]);
  for (const n of analysis.quantities) spans.push([n.span.start, n.span.end, "hl-number", n.id]);
  for (const c of analysis.claims) {
    for (const s of c.evidence) spans.push([s.start, s.end, `hl-claim verdict-${c.verdict}`, c.id]);
  }
  return spans.filter(([a, b]) => b > a);
}

export function renderText(container, text, spans) {
  clear(container);
  const cuts = new Set([0, text.length]);
  for (const [a, b] of spans) { cuts.add(Math.min(a, text.length)); cuts.add(Math.min(b, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter(([s, e]) => s <= a && e >= b);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const classes = new Set(covering.flatMap(([, , cls]) => cls.split(" ")));
    const ids = [...new Set(covering.map(([, , , id]) => id))];
    container.append(el("mark", { class: [...classes].join(" "), "data-records": ids.join(" ") }, piece));
  }
}

function focus(id) {
  const root = document.getElementById("doc-text");
  for (const m of root.querySelectorAll("mark.focus")) m.classList.remove("focus");
  const marks = [...root.querySelectorAll("mark")].filter((m) => m.dataset.records.split(" ").includes(id));
  for (const m of marks) m.classList.add("focus");
  if (marks.length && marks[0].scrollIntoView) marks[0].scrollIntoView({ block: "center" });
  for (const li of document.querySelectorAll("#doc-records li")) li.classList.toggle("on", li.dataset.record === id);
}

function list(title, items) {
  if (!items.length) return [];
  return [el("h3", { text: `${title} (${items.length})` }),
    el("ol", {}, items.map(([id, ...content]) => el("li", { "data-record": id, onclick: () => focus(id) }, ...content)))];
}

// Open a document; its events below `minConfidence` (the dashboard's threshold) are left out,
// as in every other view, and counted in the header.
export async function openDocument(docId, focusId, minConfidence = 0) {
  const view = document.getElementById("doc-view");
  // The id as a query parameter: ids are often URLs, and a browser drops "." and ".." path
  // segments (even encoded as %2E) before sending, so no path form opens every id.
  const detail = await getJSON("/api/document", { id: docId });
  const events = detail.analysis.events.filter((e) => e.confidence >= minConfidence);
  const hidden = detail.analysis.events.length - events.length;
  const analysis = { ...detail.analysis, events };
  const doc = analysis.document;
  document.getElementById("doc-title").textContent = doc.title || doc.id;
  const meta = clear(document.getElementById("doc-meta"));
  meta.append(`${formatDate(doc.published || "")} · ${doc.source || ""} · ${doc.id} `);
  if (doc.url) meta.append(safeLink(doc.url));
  if (hidden) meta.append(el("span", { class: "hidden-events", text: ` · ${hidden} event${hidden === 1 ? "" : "s"} below confidence ${minConfidence} not shown` }));
  view.dataset.hiddenEvents = String(hidden);
  renderText(document.getElementById("doc-text"), doc.text, spansOf(analysis));

  const rows = new Map(detail.events.map((r) => [r.id, r]));
  const quotes = new Map(detail.quotes.map((r) => [r.id, r]));
  const records = clear(document.getElementById("doc-records"));
  records.append(
    ...list("Events", analysis.events.map((e) => {
      const r = rows.get(e.id) || {};
      const parties = `${(r.source || []).join(", ") || "?"} → ${(r.target || []).join(", ") || "?"}`;
      return [e.id, el("b", { text: e.type }), ` ${e.modality} · ${r.date || ""} · ${parties}`,
        r.place ? ` · ${r.place}` : ""];
    })),
    ...list("Quotes", analysis.quotes.map((q) => {
      const r = quotes.get(q.id) || {};
      return [q.id, el("b", { text: r.speaker || "(unattributed)" }), `: ${q.content.map((s) => s.text).join(" … ")}`];
    })),
    ...list("Numbers", analysis.quantities.map((n) => [n.id, el("b", { text: n.span.text }),
      ` ${n.value ?? ""} ${n.normalized_unit || n.unit || ""}${n.concept ? " · " + n.concept.text : ""}`])),
    ...list("Claims", analysis.claims.map((c) => [c.id, el("span", { class: `verdict ${c.verdict}`, text: c.verdict }),
      ` (${c.kind}) ${c.explanation}`])),
  );
  view.hidden = false;
  view.dataset.document = doc.id;
  if (focusId) focus(focusId);
}

export function closeDocument() {
  const view = document.getElementById("doc-view");
  view.hidden = true;
  delete view.dataset.document;
}
