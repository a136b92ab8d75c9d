// Fixed colours per PLOVER event type and per modality, so every view agrees.

const TYPES = {
  AGREE: "#4e9a6b", ACCUSE: "#c77c2e", ASSAULT: "#c0392b", COERCE: "#8e44ad", CONSULT: "#2f7fb5",
  COOPERATE: "#3fa37a", DEMAND: "#d4a017", DISAPPROVE: "#b8723a", ENGAGE: "#5d8aa8",
  MOBILIZE: "#7f5a3a", PROTEST: "#e67e22", REJECT: "#9b5d5d", REQUEST: "#c9a227",
  RETREAT: "#7a9e9f", SANCTION: "#5b3e96", SUPPORT: "#2e8b57", THREATEN: "#e05d44",
  CONCEDE: "#6aa84f", AID: "#1f9e89", YIELD: "#77a07a",
};
const MODALITIES = {
  asserted: "#2f4858", reported: "#55828b", threatened: "#e05d44", planned: "#f2a541",
  hypothetical: "#b8b8d1", negated: "#999999", historical: "#8d6e63",
};

function hashColor(key) {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360}, 45%, 50%)`;
}

export function typeColor(type) { return TYPES[type] || hashColor(type || "?"); }
export function modalityColor(m) { return MODALITIES[m] || hashColor(m || "?"); }
export const MODALITY_ORDER = Object.keys(MODALITIES);
