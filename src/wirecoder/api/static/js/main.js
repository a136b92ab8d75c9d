// The dashboard: one set of filters drives the counts, map, timeline, network and events list.

import { getJSON } from "./api.js";
import { clear, el, formatDate } from "./dom.js";
import { typeColor } from "./colors.js";
import { drawPlaces, initMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { drawNetwork } from "./network.js";
import { closeDocument, openDocument } from "./docview.js";

const FIELDS = ["type", "modality", "country", "actor", "since", "until", "min_confidence"];
const state = { filters: {}, stack: "type", agg: null, loads: 0 };

function readForm() {
  const form = document.getElementById("filters");
  const filters = {};
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function writeForm(filters) {
  const form = document.getElementById("filters");
  for (const name of FIELDS) form.elements[name].value = filters[name] || "";
}

function fillOptions(select, counts) {
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const { key, count } of counts) select.append(el("option", { value: key, text: `${key} (${count})` }));
  select.value = keep;
}

function showCounts(agg) {
  document.getElementById("count-events").textContent = String(agg.total);
  const chips = clear(document.getElementById("count-types"));
  for (const { key, count } of agg.by_type) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = typeColor(key);
    chips.append(el("span", { class: "chip", "data-type": key }, sw, `${key} ${count}`));
  }
}

function showEvents(page) {
  const body = clear(document.querySelector("#events-table tbody"));
  for (const e of page.items) {
    const parties = `${e.source.join(", ") || "?"} → ${e.target.join(", ") || "?"}`;
    body.append(el("tr", { "data-event": e.id, "data-document": e.document_id, onclick: () => openDocument(e.document_id, e.id).catch(fail) },
      el("td", { text: formatDate(e.date) }), el("td", { text: e.type }), el("td", { text: e.modality }),
      el("td", { text: parties }), el("td", { text: e.title || e.document_id })));
  }
  document.getElementById("events-note").textContent =
    page.total > page.items.length ? `showing ${page.items.length} of ${page.total}` : `${page.total} events`;
}

function fail(error) {
  document.getElementById("status").textContent = `error: ${error.message}`;
}

async function refresh() {
  const filters = state.filters;
  document.getElementById("status").textContent = "loading…";
  const [agg, events, health] = await Promise.all([
    getJSON("/api/aggregates", filters),
    getJSON("/api/events", { ...filters, limit: 100 }),
    getJSON("/api/health"),
  ]);
  state.agg = agg;
  showCounts(agg);
  drawPlaces(agg.places, agg.without_place, agg.total);
  drawTimeline(document.getElementById("timeline"), agg, state.stack, brushed);
  drawNetwork(document.getElementById("network"), agg.actor_pairs);
  showEvents(events);
  document.getElementById("tl-clear").hidden = !(filters.since || filters.until);
  const active = Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(", ");
  document.getElementById("status").textContent =
    `${health.documents} documents, ${health.events} events in the store${active ? ` · filtered: ${active}` : ""}`;
  // The filters live in the address too, so a view can be bookmarked or shared.
  const query = new URLSearchParams(filters).toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  state.loads += 1;
  document.body.dataset.loads = String(state.loads);
}

function brushed(since, until) {
  state.filters = { ...readForm(), since, until };
  writeForm(state.filters);
  refresh().catch(fail);
}

async function start() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); state.filters = readForm(); refresh().catch(fail); });
  document.getElementById("f-reset").addEventListener("click", () => { writeForm({}); state.filters = {}; refresh().catch(fail); });
  document.getElementById("tl-clear").addEventListener("click", () => {
    state.filters = { ...readForm(), since: "", until: "" };
    delete state.filters.since; delete state.filters.until;
    writeForm(state.filters); refresh().catch(fail);
  });
  for (const radio of document.querySelectorAll("input[name=stack]")) {
    radio.addEventListener("change", () => {
      state.stack = radio.value;
      if (state.agg) drawTimeline(document.getElementById("timeline"), state.agg, state.stack, brushed);
    });
  }
  document.getElementById("doc-close").addEventListener("click", closeDocument);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeDocument(); });

  const all = await getJSON("/api/aggregates");
  fillOptions(document.getElementById("f-type"), all.by_type);
  fillOptions(document.getElementById("f-modality"), all.by_modality);
  await initMap(document.getElementById("map"));
  const params = new URLSearchParams(window.location.search);
  for (const name of FIELDS) if (params.get(name)) state.filters[name] = params.get(name);
  writeForm(state.filters);
  await refresh();
  if (params.get("document")) await openDocument(params.get("document"));
}

start().catch(fail);
