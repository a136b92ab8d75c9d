// The view as an address: filters, the open tab, each table's order and page, the open
// document. Every change the analyst makes is pushed (Back undoes it); loading an address
// rebuilds the same view, so a link can be shared. Only what differs from the defaults is written.

export const FILTERS = ["type", "modality", "country", "actor", "since", "until", "min_confidence"];
export const PAGE_SIZES = [25, 50, 100, 250, 500];
export const EVENT_SORTS = ["date", "published", "confidence", "type", "modality"];
export const DOCUMENT_SORTS = ["published", "title", "source", "events"];
export const VIEWS = ["events", "quotes", "claims", "clusters", "documents"];
// The quotes, claims and clusters tables, each under its own prefix in the address (qsort,
// cafter, kmin, ...). Clusters start most sources first, those of two sources or more.
export const RECORD_TABLES = {
  quotes: { prefix: "q", sorts: ["published", "speaker", "kind", "confidence"] },
  claims: { prefix: "c", sorts: ["published", "kind", "verdict", "confidence"] },
  clusters: { prefix: "k", sorts: ["sources", "independent", "mentions", "type", "date", "first_report", "last_report"], sort: "sources", min: 2 },
};
export const RECORD_DEFAULTS = Object.freeze({ sort: "published", order: "desc", size: 100 });
export const MIN_SOURCES = [1, 2, 3, 5, 10];
// The actor network's cut (/api/aggregates top_actors, min_weight): as `ntop`, `nmin`.
export const NET_TOP = [10, 20, 30, 50, 100];
export const NET_MIN = [1, 2, 3, 5, 10];
const defaultsOf = (table) => ({ ...RECORD_DEFAULTS, ...(table.sort ? { sort: table.sort } : {}), min: table.min });

export const DEFAULTS = Object.freeze({
  view: "events", sort: "date", order: "desc", size: 100,
  dsort: "published", dorder: "desc", dsize: 50, doffset: 0, dq: "", ds: "",
  ntop: 30, nmin: 1,
});

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

function whole(value, fallback, min = 0) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= min && String(n) === String(value).trim() ? n : fallback;
}

function readCursor(p, prefix = "") {
  return p.get(`${prefix}after`) ? { after: p.get(`${prefix}after`) }
    : p.get(`${prefix}before`) ? { before: p.get(`${prefix}before`) }
      : p.get(`${prefix}page`) === "last" ? { last: true } : {};
}

function writeCursor(p, cursor, prefix = "") {
  if (cursor.after) p.set(`${prefix}after`, cursor.after);
  else if (cursor.before) p.set(`${prefix}before`, cursor.before);
  else if (cursor.last) p.set(`${prefix}page`, "last");
}

function readRecords(p) {
  const records = {};
  for (const [kind, table] of Object.entries(RECORD_TABLES)) {
    const { prefix, sorts } = table;
    const d = defaultsOf(table);
    records[kind] = {
      sort: oneOf(p.get(`${prefix}sort`), sorts, d.sort),
      order: oneOf(p.get(`${prefix}order`), ["asc", "desc"], d.order),
      size: oneOf(whole(p.get(`${prefix}size`), d.size), PAGE_SIZES, d.size),
      cursor: readCursor(p, prefix),
    };
    if (d.min !== undefined) records[kind].min = oneOf(whole(p.get(`${prefix}min`), d.min), MIN_SOURCES, d.min);
  }
  return records;
}

function writeRecords(p, records) {
  for (const [kind, table] of Object.entries(RECORD_TABLES)) {
    const t = records[kind];
    const d = defaultsOf(table);
    for (const key of ["sort", "order", "size", "min"]) if (t[key] !== undefined && t[key] !== d[key]) p.set(`${table.prefix}${key}`, t[key]);
    writeCursor(p, t.cursor, table.prefix);
  }
}

// The state an address describes; anything unreadable falls back to its default.
export function readState(search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) if (p.get(name)) filters[name] = p.get(name);
  const order = (v) => oneOf(v, ["asc", "desc"], null);
  const cursor = readCursor(p);
  return {
    filters,
    view: oneOf(p.get("view"), VIEWS, DEFAULTS.view),
    sort: oneOf(p.get("sort"), EVENT_SORTS, DEFAULTS.sort),
    order: order(p.get("order")) || DEFAULTS.order,
    size: oneOf(whole(p.get("size"), DEFAULTS.size), PAGE_SIZES, DEFAULTS.size),
    cursor,
    dsort: oneOf(p.get("dsort"), DOCUMENT_SORTS, DEFAULTS.dsort),
    dorder: order(p.get("dorder")) || DEFAULTS.dorder,
    dsize: oneOf(whole(p.get("dsize"), DEFAULTS.dsize), PAGE_SIZES, DEFAULTS.dsize),
    doffset: whole(p.get("doffset"), 0),
    dq: p.get("dq") || "",
    ds: p.get("ds") || "",
    ntop: oneOf(whole(p.get("ntop"), DEFAULTS.ntop), NET_TOP, DEFAULTS.ntop),
    nmin: oneOf(whole(p.get("nmin"), DEFAULTS.nmin), NET_MIN, DEFAULTS.nmin),
    records: readRecords(p),
    document: p.get("document") || null,
    event: p.get("event") || null,
  };
}

export function toSearch(state) {
  const p = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) p.set(name, state.filters[name]);
  for (const key of ["view", "sort", "order", "size", "dsort", "dorder", "dsize", "doffset", "dq", "ds", "ntop", "nmin"]) {
    if (state[key] !== DEFAULTS[key] && state[key] !== "" && state[key] !== null) p.set(key, state[key]);
  }
  writeCursor(p, state.cursor);
  writeRecords(p, state.records);
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
