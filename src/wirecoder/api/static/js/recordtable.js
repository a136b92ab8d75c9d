// The quotes, claims and clusters tables: every quote, checked claim or event cluster across
// documents, from /api/{quotes,claims,clusters}/table, in the order the analyst picks by
// clicking a column head, paged by keyset (after / before a record id) as the events table is.
// Quotes and claims follow the filter bar's actor, country and dates (the publication's);
// clusters its type, dates (when reported) and confidence (their best coding's), with their own
// minimum of sources. Values from the store only become text.

import { getJSON } from "./api.js";
import { clear, el, formatDate } from "./dom.js";

const number = (n) => n.toLocaleString("en-GB");
export const RECORD_FILTERS = ["actor", "country", "since", "until"];
const clip = (text) => el("td", { class: "clip", title: text, text });
const docCell = (r) => clip(r.title || r.document_id);
const dateOf = (iso) => el("td", { class: "nowrap", text: formatDate(iso) });
const names = (list) => (list.length ? list.join(", ") : "–");

export const TABLES = {
  quotes: {
    prefix: "q", noun: "quotes", sorts: ["published", "speaker", "kind", "confidence"],
    cells: (r) => [
      el("td", { class: "nowrap", text: formatDate(r.published) }),
      el("td", { text: r.speaker || "(unattributed)" }), el("td", { text: r.kind }),
      clip(r.content), el("td", { class: "num", text: r.confidence.toFixed(2) }), docCell(r)],
  },
  claims: {
    prefix: "c", noun: "claims", sorts: ["published", "kind", "verdict", "confidence"],
    cells: (r) => [
      el("td", { class: "nowrap", text: formatDate(r.published) }), el("td", { text: r.kind }),
      el("td", {}, el("span", { class: `verdict ${r.verdict}`, text: r.verdict })),
      clip(r.explanation), clip(r.evidence), el("td", { text: r.asserted_by }),
      el("td", { class: "num", text: r.confidence.toFixed(2) }), docCell(r)],
  },
  clusters: {
    noun: "clusters", filters: ["type", "since", "until", "min_confidence"],
    none: "no clusters pass the filters (`wirecoder dedup` builds them from the store's documents)",
    first: { type: "asc" }, // the rest high (or late) first
    open: (r) => [r.best_document_id, r.best_event_id],
    cells: (r) => [
      el("td", { class: "num", text: String(r.source_count) }),
      el("td", { class: "num", text: String(r.independent_sources) }),
      el("td", { class: "num", text: String(r.mentions) }), el("td", { text: r.type }),
      clip(`${names(r.source_names)} → ${names(r.target_names)}: ${r.trigger || ""}`),
      el("td", { text: r.place_name || "" }), el("td", { class: "nowrap", text: r.date || "" }),
      dateOf(r.first_report), dateOf(r.last_report),
      el("td", { class: "num", text: r.confidence === null ? "" : r.confidence.toFixed(2) }),
      clip(r.best_title || r.best_document_id || "")],
  },
};

function row(kind, r, onOpen) {
  const [doc, id] = TABLES[kind].open ? TABLES[kind].open(r) : [r.document_id, r.id];
  const open = () => onOpen(doc, id);
  return el("tr", {
    "data-record": r.id, "data-document": doc, "data-event": id, tabindex: "0", onclick: open,
    onkeydown: (ev) => { if (ev.key === "Enter") open(); },
  }, ...TABLES[kind].cells(r));
}

export function recordParams(kind, state) {
  const t = state.records[kind];
  const params = { sort: t.sort, order: t.order, limit: t.size, ...t.cursor };
  if (t.min !== undefined) params.min_sources = t.min;
  for (const name of TABLES[kind].filters || RECORD_FILTERS) if (state.filters[name]) params[name] = state.filters[name];
  return params;
}

// Load and show the page of `kind` that `state` names; returns the page.
export async function loadRecords(kind, state, onOpen) {
  const t = state.records[kind];
  const page = await getJSON(`/api/${kind}/table`, recordParams(kind, state));
  const table = document.getElementById(`${kind}-table`);
  const body = clear(table.querySelector("tbody"));
  for (const r of page.items) body.append(row(kind, r, onOpen));
  const columns = table.querySelectorAll("thead th").length;
  const none = TABLES[kind].none || `no ${kind} pass the filters`;
  if (!page.items.length) body.append(el("tr", { class: "empty" }, el("td", { colspan: String(columns), text: none })));
  for (const th of table.querySelectorAll("th[data-sort]")) {
    const on = th.dataset.sort === t.sort;
    th.setAttribute("aria-sort", on ? (t.order === "asc" ? "ascending" : "descending") : "none");
  }
  const shown = page.items.length;
  const range = shown ? `${number(page.start + 1)}–${number(page.start + shown)}` : "none";
  document.getElementById(`${kind}-range`).textContent = `${kind} ${range} of ${number(page.total)}${page.exact === false ? "+" : ""}`;
  document.getElementById(`${kind}-first`).disabled = !page.previous;
  document.getElementById(`${kind}-prev`).disabled = !page.previous;
  document.getElementById(`${kind}-next`).disabled = !page.next;
  document.getElementById(`${kind}-last`).disabled = !page.next;
  document.getElementById(`${kind}-size`).value = String(t.size);
  if (t.min !== undefined) document.getElementById(`${kind}-min`).value = String(t.min);
  const view = document.getElementById(`${kind}-view`);
  view.dataset.loads = String(Number(view.dataset.loads || 0) + 1);
  view.dataset.previous = page.previous || "";
  view.dataset.next = page.next || "";
  return page;
}

// Wire the column heads, pager and page size of `kind` to `change(patch)`.
export function wireRecords(kind, change) {
  const set = (fn) => change((s) => ({ records: { ...s.records, [kind]: { ...s.records[kind], ...fn(s.records[kind]) } } }));
  for (const th of document.querySelectorAll(`#${kind}-table th[data-sort]`)) {
    const key = th.dataset.sort;
    const first = TABLES[kind].first ? TABLES[kind].first[key] || "desc"
      : key === "published" || key === "confidence" ? "desc" : "asc"; // names A-Z, the rest high first
    th.querySelector("button").addEventListener("click", () => set((t) => ({
      sort: key, order: t.sort !== key ? first : t.order === "desc" ? "asc" : "desc", cursor: {},
    })));
  }
  const view = document.getElementById(`${kind}-view`);
  document.getElementById(`${kind}-first`).addEventListener("click", () => set(() => ({ cursor: {} })));
  document.getElementById(`${kind}-prev`).addEventListener("click", () => set(() => ({ cursor: { before: view.dataset.previous } })));
  document.getElementById(`${kind}-next`).addEventListener("click", () => set(() => ({ cursor: { after: view.dataset.next } })));
  document.getElementById(`${kind}-last`).addEventListener("click", () => set(() => ({ cursor: { last: true } })));
  document.getElementById(`${kind}-size`).addEventListener("change", (ev) => set(() => ({ size: Number(ev.target.value), cursor: {} })));
  const min = document.getElementById(`${kind}-min`);
  if (min) min.addEventListener("change", (ev) => set(() => ({ min: Number(ev.target.value), cursor: {} })));
}
