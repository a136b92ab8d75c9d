// Fixed colours per PLOVER event type and per modality, so every view agrees. The types' colours
// come from the type table (knowledge/plover_types.tsv, served at /api/event-types): loadTypeColors
// fills them once at start; a type the table does not know gets a colour hashed from its name.

import { getJSON } from "./api.js";

const TYPES = {};
const MODALITIES = {
  asserted: "#2f4858", reported: "#55828b", threatened: "#e05d44", planned: "#f2a541",
  hypothetical: "#b8b8d1", negated: "#999999", historical: "#8d6e63",
};

function hashColor(key) {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360}, 45%, 50%)`;
}

export async function loadTypeColors() {
  for (const row of await getJSON("/api/event-types")) {
    for (const name of [row.name, ...row.former_names]) TYPES[name] = row.color;
  }
}

export function typeColor(type) { return TYPES[type] || hashColor(type || "?"); }
export function modalityColor(m) { return MODALITIES[m] || hashColor(m || "?"); }
export const MODALITY_ORDER = Object.keys(MODALITIES);
