// The documents list: title, publication date, outlet and event count (at the confidence
// threshold) of every stored document, from /api/documents, narrowed by a title substring and
// a full-text search of title and text; a click opens the document.

import { getJSON } from "./api.js";
import { clear, el, formatDate } from "./dom.js";

const number = (n) => n.toLocaleString("en-GB");

function row(d, onOpen) {
  const open = () => onOpen(d.id);
  return el("tr", {
    "data-document": d.id, tabindex: "0", onclick: open,
    onkeydown: (ev) => { if (ev.key === "Enter") open(); },
  },
  el("td", { text: d.title || d.id }), el("td", { class: "nowrap", text: formatDate(d.published) }),
  el("td", { text: d.source }), el("td", { class: "num", text: number(d.events) }),
  el("td", { class: "num", text: number(d.quotes) }), el("td", { class: "num", text: number(d.claims) }));
}

export async function loadDocuments(state, onOpen) {
  const params = { sort: state.dsort, order: state.dorder, limit: state.dsize, offset: state.doffset,
    q: state.dq, search: state.ds, min_confidence: state.filters.min_confidence };
  const page = await getJSON("/api/documents", params);
  const body = clear(document.querySelector("#documents-table tbody"));
  for (const d of page.items) body.append(row(d, onOpen));
  if (!page.items.length) body.append(el("tr", { class: "empty" }, el("td", { colspan: "6", text: "no documents" })));
  for (const th of document.querySelectorAll("#documents-table th[data-sort]")) {
    const on = th.dataset.sort === state.dsort;
    th.setAttribute("aria-sort", on ? (state.dorder === "asc" ? "ascending" : "descending") : "none");
  }
  const shown = page.items.length;
  document.getElementById("documents-range").textContent = shown
    ? `documents ${number(page.offset + 1)}–${number(page.offset + shown)} of ${number(page.total)}`
    : `no documents of ${number(page.total)}`;
  document.getElementById("doc-prev").disabled = page.offset === 0;
  document.getElementById("doc-next").disabled = page.offset + shown >= page.total;
  document.getElementById("doc-size").value = String(state.dsize);
  document.getElementById("doc-q").value = state.dq;
  document.getElementById("doc-text-q").value = state.ds;
  const view = document.getElementById("documents-view");
  view.dataset.loads = String(Number(view.dataset.loads || 0) + 1);
  return page;
}

export function wireDocuments(change) {
  for (const th of document.querySelectorAll("#documents-table th[data-sort]")) {
    const key = th.dataset.sort;
    const first = key === "title" || key === "source" ? "asc" : "desc";
    th.querySelector("button").addEventListener("click", () => change((s) => ({
      dsort: key, dorder: s.dsort !== key ? first : s.dorder === "desc" ? "asc" : "desc", doffset: 0,
    })));
  }
  document.getElementById("doc-prev").addEventListener("click", () => change((s) => ({ doffset: Math.max(0, s.doffset - s.dsize) })));
  document.getElementById("doc-next").addEventListener("click", () => change((s) => ({ doffset: s.doffset + s.dsize })));
  document.getElementById("doc-size").addEventListener("change", (ev) => change(() => ({ dsize: Number(ev.target.value), doffset: 0 })));
  document.getElementById("doc-search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("doc-q").value.trim();
    const words = document.getElementById("doc-text-q").value.trim();
    change(() => ({ dq: q, ds: words, doffset: 0 }));
  });
}
