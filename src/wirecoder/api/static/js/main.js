// The dashboard: one set of filters drives the counts, map, timeline, network, the events,
// quotes and claims tables and the documents list. The whole view lives in the address (urlstate.js): each change
// is pushed to the history, Back and Forward restore it, and a shared link opens the same view.

import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";
import { loadTypeColors, typeColor } from "./colors.js";
import { drawPlaces, initMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { drawNetwork } from "./network.js";
import { closeDocument, openDocument } from "./docview.js";
import { loadEvents, wireEvents } from "./eventtable.js";
import { loadDocuments, wireDocuments } from "./doclist.js";
import { loadRecords, recordParams, wireRecords } from "./recordtable.js";
import { FILTERS, RECORD_TABLES, VIEWS, readState, writeState } from "./urlstate.js";

let state = null; // what is shown (urlstate.readState's shape)
const ui = { stack: "type", agg: null, loads: 0, minConfidence: null, docsShown: null, recordsShown: {} };

function readForm() {
  const form = document.getElementById("filters");
  const filters = {};
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function writeForm(filters) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = filters[name] || "";
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

function fail(error) {
  document.getElementById("status").textContent = `error: ${error.message}`;
}

const networkParams = (s) => ({ ...s.filters, top_actors: s.ntop, min_weight: s.nmin });

function showNetwork(s, agg) {
  document.getElementById("net-top").value = String(s.ntop);
  document.getElementById("net-min").value = String(s.nmin);
  drawNetwork(document.getElementById("network"), agg.actor_pairs, agg.network);
}

// The network alone, cut anew (the filters unchanged: the rest of the overview stays).
async function refreshNetwork(s) {
  showNetwork(s, await getJSON("/api/aggregates", networkParams(s)));
}

async function refreshOverview(s) {
  const filters = s.filters;
  const [agg, health] = await Promise.all([getJSON("/api/aggregates", networkParams(s)), getJSON("/api/health")]);
  ui.agg = agg;
  showCounts(agg);
  drawPlaces(agg.places, agg.without_place, agg.total);
  drawTimeline(document.getElementById("timeline"), agg, ui.stack, brushed);
  showNetwork(s, agg);
  document.getElementById("tl-clear").hidden = !(filters.since || filters.until);
  const active = Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(", ");
  document.getElementById("status").textContent =
    `${health.documents} documents, ${health.events} events in the store${active ? ` · filtered: ${active}` : ""}`;
}

async function refreshEvents(next) {
  const page = await loadEvents(next, (docId, eventId) => show({ document: docId, event: eventId }));
  ui.minConfidence = page.min_confidence;
  if (!next.filters.min_confidence) document.getElementById("f-min-confidence").placeholder = String(page.min_confidence);
}

function showTab(view) {
  for (const tab of document.querySelectorAll("#records-tabs [data-view]")) {
    tab.setAttribute("aria-selected", String(tab.dataset.view === view));
  }
  for (const name of VIEWS) document.getElementById(`${name}-view`).hidden = view !== name;
}

const key = (s, names) => (s ? JSON.stringify(names.map((n) => s[n])) : null);

// Bring the page to `next`, loading only what changed, and write the address ("push" for the
// analyst's own changes, "replace" to tidy an address that was loaded).
async function go(next, mode) {
  const prev = state;
  state = next;
  writeState(next, mode);
  writeForm(next.filters);
  showTab(next.view);
  const filtersChanged = key(prev, ["filters"]) !== key(next, ["filters"]);
  const tasks = [];
  if (filtersChanged) tasks.push(refreshOverview(next));
  else if (key(prev, ["ntop", "nmin"]) !== key(next, ["ntop", "nmin"])) tasks.push(refreshNetwork(next));
  if (filtersChanged || key(prev, ["sort", "order", "size", "cursor"]) !== key(next, ["sort", "order", "size", "cursor"])) {
    tasks.push(refreshEvents(next));
  }
  const docsKey = key(next, ["filters", "dsort", "dorder", "dsize", "doffset", "dq", "ds"]);
  if (next.view === "documents" && ui.docsShown !== docsKey) {
    ui.docsShown = docsKey;
    tasks.push(loadDocuments(next, (docId) => show({ document: docId, event: null })));
  }
  for (const kind of Object.keys(RECORD_TABLES)) {
    const shown = JSON.stringify(recordParams(kind, next));
    if (next.view === kind && ui.recordsShown[kind] !== shown) {
      ui.recordsShown[kind] = shown;
      tasks.push(loadRecords(kind, next, (docId, id) => show({ document: docId, event: id })));
    }
  }
  await Promise.all(tasks);
  if (!next.document) closeDocument();
  else if (filtersChanged || key(prev, ["document", "event"]) !== key(next, ["document", "event"])) {
    await openDocument(next.document, next.event, Number(next.filters.min_confidence || ui.minConfidence || 0));
  }
  ui.loads += 1;
  document.body.dataset.loads = String(ui.loads);
}

function show(patch) {
  go({ ...state, ...patch }, "push").catch(fail);
}

function change(fn) {
  show(fn(state));
}

function applyFilters(filters) {
  const records = Object.fromEntries(Object.entries(state.records).map(([k, t]) => [k, { ...t, cursor: {} }]));
  show({ filters, cursor: {}, doffset: 0, records });
}

function brushed(since, until) {
  applyFilters({ ...readForm(), since, until });
}

function wire() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(readForm()); });
  document.getElementById("f-reset").addEventListener("click", () => applyFilters({}));
  document.getElementById("tl-clear").addEventListener("click", () => {
    const filters = readForm();
    delete filters.since; delete filters.until;
    applyFilters(filters);
  });
  for (const radio of document.querySelectorAll("input[name=stack]")) {
    radio.addEventListener("change", () => {
      ui.stack = radio.value;
      if (ui.agg) drawTimeline(document.getElementById("timeline"), ui.agg, ui.stack, brushed);
    });
  }
  for (const tab of document.querySelectorAll("#records-tabs [data-view]")) {
    tab.addEventListener("click", () => show({ view: tab.dataset.view }));
  }
  document.getElementById("net-top").addEventListener("change", (ev) => show({ ntop: Number(ev.target.value) }));
  document.getElementById("net-min").addEventListener("change", (ev) => show({ nmin: Number(ev.target.value) }));
  wireEvents(change);
  wireDocuments(change);
  for (const kind of Object.keys(RECORD_TABLES)) wireRecords(kind, change);
  document.getElementById("doc-close").addEventListener("click", () => show({ document: null, event: null }));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && state && state.document) show({ document: null, event: null });
  });
  window.addEventListener("popstate", () => go(readState(window.location.search), "replace").catch(fail));
}

async function start() {
  wire();
  const [all] = await Promise.all([getJSON("/api/aggregates"), loadTypeColors()]);
  fillOptions(document.getElementById("f-type"), all.by_type);
  fillOptions(document.getElementById("f-modality"), all.by_modality);
  await initMap(document.getElementById("map"));
  await go(readState(window.location.search), "replace");
}

start().catch(fail);
