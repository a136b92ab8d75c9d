// The events table: one page of the filtered events from /api/events/table, in the order the
// analyst picks by clicking a column head, paged by keyset (after / before an event id), with
// the CSV of everything the filters pass. Values from the store only become text.

import { getJSON } from "./api.js";
import { clear, el, formatDate } from "./dom.js";

const number = (n) => n.toLocaleString("en-GB");

function parties(e) {
  return `${e.source.join(", ") || "?"} → ${e.target.join(", ") || "?"}`;
}

export function csvHref(state) {
  const p = new URLSearchParams({ ...state.filters, sort: state.sort, order: state.order });
  return `/api/events.csv?${p}`;
}

function row(e, onOpen) {
  const open = () => onOpen(e.document_id, e.id);
  const place = e.place ? `${e.place}${e.place_country ? ` (${e.place_country})` : ""}` : "";
  return el("tr", {
    "data-event": e.id, "data-document": e.document_id, tabindex: "0", onclick: open,
    onkeydown: (ev) => { if (ev.key === "Enter") open(); },
  },
  el("td", { class: "nowrap", text: formatDate(e.date) }), el("td", { text: e.type }),
  el("td", { text: e.modality }), el("td", { text: parties(e) }), el("td", { text: place }),
  el("td", { class: "num", text: e.fatalities ?? "" }),
  el("td", { class: "num", text: e.confidence.toFixed(2) }),
  el("td", { class: "clip", title: e.title || e.document_id, text: e.title || e.document_id }));
}

function showHeads(state) {
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    const on = th.dataset.sort === state.sort;
    th.setAttribute("aria-sort", on ? (state.order === "asc" ? "ascending" : "descending") : "none");
  }
}

function showPager(page) {
  const shown = page.items.length;
  const range = shown ? `${number(page.start + 1)}–${number(page.start + shown)}` : "none";
  document.getElementById("events-range").textContent =
    `events ${range} of ${number(page.total)}${page.exact === false ? "+" : ""} · confidence ≥ ${page.min_confidence}`;
  document.getElementById("ev-first").disabled = !page.previous;
  document.getElementById("ev-prev").disabled = !page.previous;
  document.getElementById("ev-next").disabled = !page.next;
  document.getElementById("ev-last").disabled = !page.next;
}

// Load and show the page `state` names; returns the page (with the threshold applied).
export async function loadEvents(state, onOpen) {
  const params = { ...state.filters, sort: state.sort, order: state.order, limit: state.size, ...state.cursor };
  const page = await getJSON("/api/events/table", params);
  const body = clear(document.querySelector("#events-table tbody"));
  for (const e of page.items) body.append(row(e, onOpen));
  if (!page.items.length) body.append(el("tr", { class: "empty" }, el("td", { colspan: "8", text: "no events pass the filters" })));
  showHeads(state);
  showPager(page);
  document.getElementById("events-csv").setAttribute("href", csvHref(state));
  document.getElementById("ev-size").value = String(state.size);
  const view = document.getElementById("events-view");
  view.dataset.loads = String(Number(view.dataset.loads || 0) + 1);
  view.dataset.previous = page.previous || "";
  view.dataset.next = page.next || "";
  return page;
}

// Wire the column heads, pager and page size to `change(patch)`, which updates the state.
export function wireEvents(change) {
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    const key = th.dataset.sort;
    const first = key === "type" || key === "modality" ? "asc" : "desc"; // names A-Z, the rest high first
    th.querySelector("button").addEventListener("click", () => change((s) => ({
      sort: key, order: s.sort !== key ? first : s.order === "desc" ? "asc" : "desc", cursor: {},
    })));
  }
  const view = document.getElementById("events-view");
  document.getElementById("ev-first").addEventListener("click", () => change(() => ({ cursor: {} })));
  document.getElementById("ev-prev").addEventListener("click", () => change(() => ({ cursor: { before: view.dataset.previous } })));
  document.getElementById("ev-next").addEventListener("click", () => change(() => ({ cursor: { after: view.dataset.next } })));
  document.getElementById("ev-last").addEventListener("click", () => change(() => ({ cursor: { last: true } })));
  document.getElementById("ev-size").addEventListener("change", (ev) => change(() => ({ size: Number(ev.target.value), cursor: {} })));
}
