"""The readable terminal report of an Analysis: one section per kind of finding, evidence inline."""

from __future__ import annotations

import textwrap

from .records import Analysis, Span

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
    doc = analysis.document
    out: list[str] = []

    def section(title: str, count: int | None = None) -> None:
        label = title if count is None else f"{title} ({count})"
        out.append("")
        out.append(_bold(label, color))
        out.append(_bold("─" * len(label), color))

    stage_names = {label.split("@")[0] for label in analysis.stages}

    def not_run(kind: str) -> bool:
        if not any(name.startswith(kind) for name in stage_names):
            out.append(f"  (no {kind} stage in this pipeline yet)")
            return True
        return False

    section("Document")
    out.append(f"  id         {doc.id}")
    if doc.title:
        out.append(f"  title      {doc.title}")
    if doc.source:
        out.append(f"  source     {doc.source}")
    if doc.url:
        out.append(f"  url        {doc.url}")
    out.append(f"  published  {doc.published.isoformat() if doc.published else '(unknown)'}")
    out.append(f"  length     {len(doc.original_text)} characters read, {len(doc.text)} kept, "
               f"{len(analysis.sentences)} sentences")
    out.append(f"  coder      {analysis.coder_version}; stages {', '.join(analysis.stages)}")

    section("Dropped text", len(doc.dropped))
    for d in doc.dropped:
        where = f" (copy of {d.duplicate_of[0]}–{d.duplicate_of[1]})" if d.duplicate_of else ""
        out.append(f"  {d.reason:<20} {d.start}–{d.end}{where}: “{_short(d.text, 70)}”")

    section("Actors", len(analysis.actors))
    for a in analysis.actors:
        codes = " ".join(x for x in [a.country or "", "/".join(a.sectors)] if x)
        title = f", {a.title}" if a.title else ""
        out.append(f"  {a.name}{title}  [{a.kind}{' ' + codes if codes else ''}]  "
                   f"{len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''}")

    section("Events", len(analysis.events))
    if not not_run("events"):
        actors = {a.id: a for a in analysis.actors}
        times = {t.id: t for t in analysis.times}
        places = {p.id: p for p in analysis.places}
        for e in analysis.events:
            src = ", ".join(_party(r, actors) for r in e.sources) or "?"
            tgt = ", ".join(_party(r, actors) for r in e.targets) or "?"
            mode = f"/{e.mode}" if e.mode else ""
            said = actors[e.asserted_by].name if e.asserted_by in actors else e.asserted_by
            out.append(f"  {e.type}{mode} [{e.modality}] {src} → {tgt}"
                       f"{'  (said by ' + said + ')' if e.asserted_by != 'narrator' else ''}")
            when = times.get(e.time_id)
            where = places.get(e.place_id)
            facts = []
            if when is not None:
                facts.append(f"when {when.value or '?'}"
                             f"{' (publication date)' if when.from_publication_date else ''}")
            if where is not None:
                region = ", ".join(x for x in [where.admin1 or "", where.country or ""] if x)
                facts.append(f"where {where.span.text} ({where.precision}{', ' + region if region else ''})")
            if facts:
                out.append("      " + "; ".join(facts))
            out.append("      " + in_context(doc.text, e.trigger, color))

    section("Quotes", len(analysis.quotes))
    if not not_run("quotes"):
        for q in analysis.quotes:
            who = q.speaker_name or "(speaker unknown)"
            cue = f" {q.cue.text}" if q.cue else ""
            to = f" to {q.addressee.span.text}" if q.addressee else ""
            out.append(f"  {who}{cue}{to} [{q.kind}]:")
            for part in q.content:
                shown = _short(part.text, 300)
                if shown[:1] not in "\"'“‘«":
                    shown = f"“{shown}”"
                out.extend(textwrap.wrap(shown, WIDTH - 6,
                                         initial_indent="      ", subsequent_indent="       "))

    section("Numbers & claims", len(analysis.quantities) + len(analysis.claims))
    if not not_run("quantities"):
        for n in analysis.quantities:
            value = "?" if n.value is None else f"{n.value:g}"
            if n.value_high is not None:
                value += f"–{n.value_high:g}"
            unit = f" {n.normalized_unit or n.unit}" if (n.normalized_unit or n.unit) else ""
            concept = f" of {n.concept.text}" if n.concept else ""
            out.append(f"  {value}{unit}{concept}  " + in_context(doc.text, n.span, color, 30))
        for c in analysis.claims:
            out.append(f"  CHECK {c.kind}: {c.verdict.upper()} — {c.explanation}")

    section("Times", len(analysis.times))
    if not not_run("times"):
        for t in analysis.times:
            out.append(f"  {t.span.text!r:<28} {t.type:<9} {t.value or '(not resolved)'}")

    section("Places", len(analysis.places))
    if not not_run("places"):
        for p in analysis.places:
            where = ", ".join(x for x in [p.admin1 or "", p.country or ""] if x)
            point = f" ({p.latitude:.3f}, {p.longitude:.3f})" if p.latitude is not None else ""
            out.append(f"  {p.span.text!r:<28} {p.precision:<9} {where}{point}")
    out.append("")
    return "\n".join(out)
