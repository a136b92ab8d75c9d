"""The readable terminal report of an Analysis: one section per kind of finding, evidence inline."""

from __future__ import annotations

import textwrap

from .records import Analysis, Span
from .report_format import mentions_label, place_groups, quantity_phrase

WIDTH = 100


def _bold(text: str, color: bool) -> str:
    return f"\033[1m{text}\033[0m" if color else text


def _mark(text: str, color: bool) -> str:
    return f"\033[4m{text}\033[0m" if color else f"[{text}]"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _party(ref, actors: dict) -> str:
    """A party as written, with who it resolves to and its codes: 'he [Donald Trump USA/GOV]'."""
    actor = actors.get(ref.actor_id)
    if actor is None:
        return ref.span.text
    codes = "/".join(x for x in [actor.country or "", *actor.sectors] if x)
    shown = ref.span.text if actor.name in ref.span.text else f"{ref.span.text} = {actor.name}"
    return f"{shown} [{codes}]" if codes else shown


def in_context(doc_text: str, span: Span, color: bool, width: int = 40) -> str:
    """The span marked inside a little of the text around it: '... opened [fire] on ...'."""
    left = " ".join(doc_text[max(0, span.start - width):span.start].split())
    right = " ".join(doc_text[span.end:span.end + width].split())
    return f"…{left} {_mark(_short(span.text, 120), color)} {right}…"


def render(analysis: Analysis, color: bool = False) -> str:
    out: list[str] = []

    def section(title: str, count: int | None = None) -> None:
        label = title if count is None else f"{title} ({count})"
        out.append("")
        out.append(_bold(label, color))
        out.append(_bold("─" * len(label), color))

    stage_names = {label.split("@")[0] for label in analysis.stages}

    def ran(kind: str) -> bool:
        if not any(name.startswith(kind) for name in stage_names):
            out.append(f"  (no {kind} stage in this pipeline yet)")
            return False
        return True

    doc = analysis.document
    section("Document")
    out.extend(_document(analysis))
    section("Dropped text", len(doc.dropped))
    for d in doc.dropped:
        where = f" (copy of {d.duplicate_of[0]}–{d.duplicate_of[1]})" if d.duplicate_of else ""
        out.append(f"  {d.reason:<20} {d.start}–{d.end}{where}: “{_short(d.text, 70)}”")
    section("Actors", len(analysis.actors))
    out.extend(_actors(analysis))
    section("Events", len(analysis.events))
    if ran("events"):
        out.extend(_events(analysis, color))
    section("Quotes", len(analysis.quotes))
    if ran("quotes"):
        out.extend(_quotes(analysis))
    section("Numbers & claims", len(analysis.quantities) + len(analysis.claims))
    if ran("quantities"):
        out.extend(_numbers(analysis, color))
    times = [t for t in analysis.times if t.span.text.strip()]
    section("Times", len(times))
    if ran("times"):
        out.extend(_times(analysis, times))
    groups = place_groups(analysis.places + analysis.demonyms)  # "Mexico [Mexican x4, Mexico x15]"
    section("Places", len(groups))
    if ran("places"):
        out.extend(_places(groups))
    out.append("")
    return "\n".join(out)


def _document(analysis: Analysis) -> list[str]:
    doc = analysis.document
    lines = [f"  id         {doc.id}"]
    lines += [f"  {label:<10} {value}" for label, value in
              (("title", doc.title), ("source", doc.source), ("url", doc.url)) if value]
    lines.append(f"  published  {doc.published.isoformat() if doc.published else '(unknown)'}")
    lines.append(f"  length     {len(doc.original_text)} characters read, {len(doc.text)} kept, "
                 f"{len(analysis.sentences)} sentences")
    lines.append(f"  coder      {analysis.coder_version}; stages {', '.join(analysis.stages)}")
    return lines


def _actors(analysis: Analysis) -> list[str]:
    lines = []
    for a in analysis.actors:
        codes = " ".join(x for x in [a.country or "", "/".join(a.sectors)] if x)
        title = f", {a.title}" if a.title else ""
        lines.append(f"  {a.name}{title}  [{a.kind}{' ' + codes if codes else ''}]  "
                     f"{len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''}")
    return lines


def _events(analysis: Analysis, color: bool) -> list[str]:
    actors = {a.id: a for a in analysis.actors}
    times = {t.id: t for t in analysis.times}
    places = {p.id: p for p in analysis.places}
    lines = []
    for e in analysis.events:
        src = ", ".join(_party(r, actors) for r in e.sources) or "?"
        tgt = ", ".join(_party(r, actors) for r in e.targets) or "?"
        mode = f"/{e.mode}" if e.mode else ""
        said = actors[e.asserted_by].name if e.asserted_by in actors else e.asserted_by
        lines.append(f"  {e.type}{mode} [{e.modality}] {src} → {tgt}"
                     f"{'  (said by ' + said + ')' if e.asserted_by != 'narrator' else ''}")
        when, where = times.get(e.time_id), places.get(e.place_id)
        facts = []
        if when is not None:
            facts.append(f"when {when.value or '?'}"
                         f"{' (publication date)' if when.from_publication_date else ''}")
        if where is not None:
            region = ", ".join(x for x in [where.admin1 or "", where.country or ""] if x)
            facts.append(f"where {where.span.text} ({where.precision}{', ' + region if region else ''})")
        if facts:
            lines.append("      " + "; ".join(facts))
        lines.append("      " + in_context(analysis.document.text, e.trigger, color))
    return lines


def _quotes(analysis: Analysis) -> list[str]:
    lines = []
    for q in analysis.quotes:
        who = q.speaker_name or "(speaker unknown)"
        cue = f" {q.cue.text}" if q.cue else ""
        to = f" to {q.addressee.span.text}" if q.addressee else ""
        lines.append(f"  {who}{cue}{to} [{q.kind}]:")
        for part in q.content:
            shown = _short(part.text, 300)
            if shown[:1] not in "\"'“‘«":
                shown = f"“{shown}”"
            lines.extend(textwrap.wrap(shown, WIDTH - 6, initial_indent="      ",
                                       subsequent_indent="       "))
    return lines


def _numbers(analysis: Analysis, color: bool) -> list[str]:
    """Quantities said for people ('10–100 million Americans', 'nearly tripled (×2.81)',
    '80 percent'), each in its context, then the checks of the claims they make."""
    by_id = {q.id: q for q in analysis.quantities}
    lines = [f"  {quantity_phrase(q, by_id, analysis.claims)}  "
             + in_context(analysis.document.text, q.span, color, 30) for q in analysis.quantities]
    return lines + [f"  CHECK {c.kind}: {c.verdict.upper()} — {c.explanation}"
                    for c in analysis.claims]


def _times(analysis: Analysis, shown: list) -> list[str]:
    """The time expressions of the text; the publication date, which dates the findings no
    expression dates, is said once rather than listed as a row with no text."""
    lines = [f"  {t.span.text!r:<28} {t.type:<9} {t.value or '(not resolved)'}" for t in shown]
    dated = [t for t in analysis.times if t.from_publication_date and not t.span.text.strip()]
    if dated:
        lines.append(f"  (findings no expression dates take the publication date, "
                     f"{dated[0].value})")
    return lines


def _places(groups: list) -> list[str]:
    """Each place once, with how often and how it was named."""
    lines = []
    for p, written in groups:
        where = ", ".join(x for x in [p.admin1 or "", p.country or ""] if x)
        point = f" ({p.latitude:.3f}, {p.longitude:.3f})" if p.latitude is not None else ""
        lines.append(f"  {p.name:<28} {p.precision:<9} {where}{point}  "
                     f"[{mentions_label(p, written)}]")
    return lines
