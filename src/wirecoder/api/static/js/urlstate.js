// The view as an address: filters, the open tab, each table's order and page, the open
// document. Every change the analyst makes is pushed (Back undoes it); loading an address
// rebuilds the same view, so a link can be shared. Only what differs from the defaults is written.

export const FILTERS = ["type", "modality", "country", "actor", "since", "until", "min_confidence"];
export const PAGE_SIZES = [25, 50, 100, 250, 500];
export const EVENT_SORTS = ["date", "published", "confidence", "type", "modality"];
export const DOCUMENT_SORTS = ["published", "title", "source", "events"];

export const DEFAULTS = Object.freeze({
  view: "events", sort: "date", order: "desc", size: 100,
  dsort: "published", dorder: "desc", dsize: 50, doffset: 0, dq: "",
});

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

function whole(value, fallback, min = 0) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= min && String(n) === String(value).trim() ? n : fallback;
}

// The state an address describes; anything unreadable falls back to its default.
export function readState(search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) if (p.get(name)) filters[name] = p.get(name);
  const order = (v) => oneOf(v, ["asc", "desc"], null);
  const cursor = p.get("after") ? { after: p.get("after") }
    : p.get("before") ? { before: p.get("before") } : p.get("page") === "last" ? { last: true } : {};
  return {
    filters,
    view: oneOf(p.get("view"), ["events", "documents"], DEFAULTS.view),
    sort: oneOf(p.get("sort"), EVENT_SORTS, DEFAULTS.sort),
    order: order(p.get("order")) || DEFAULTS.order,
    size: oneOf(whole(p.get("size"), DEFAULTS.size), PAGE_SIZES, DEFAULTS.size),
    cursor,
    dsort: oneOf(p.get("dsort"), DOCUMENT_SORTS, DEFAULTS.dsort),
    dorder: order(p.get("dorder")) || DEFAULTS.dorder,
    dsize: oneOf(whole(p.get("dsize"), DEFAULTS.dsize), PAGE_SIZES, DEFAULTS.dsize),
    doffset: whole(p.get("doffset"), 0),
    dq: p.get("dq") || "",
    document: p.get("document") || null,
    event: p.get("event") || null,
  };
}

export function toSearch(state) {
  const p = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) p.set(name, state.filters[name]);
  for (const key of ["view", "sort", "order", "size", "dsort", "dorder", "dsize", "doffset", "dq"]) {
    if (state[key] !== DEFAULTS[key] && state[key] !== "" && state[key] !== null) p.set(key, state[key]);
  }
  if (state.cursor.after) p.set("after", state.cursor.after);
  else if (state.cursor.before) p.set("before", state.cursor.before);
  else if (state.cursor.last) p.set("page", "last");
  if (state.document) p.set("document", state.document);
  if (state.document && state.event) p.set("event", state.event);
  const query = p.toString();
  return query ? `?${query}` : "";
}

// Write the address: "push" adds a history entry, "replace" rewrites the current one.
export function writeState(state, mode) {
  const search = toSearch(state);
  if (search === window.location.search) return;
  const url = search || window.location.pathname;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
