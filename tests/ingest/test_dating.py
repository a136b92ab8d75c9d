"""Dated, titled ingest of one-document files: front matter, a manifest, the file name, the
dateline, `--published`, in that order; and the title rule the README states."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from wirecoder.clean import guess_title
from wirecoder.errors import BadDate, BadIngestOption, BadRecord, EmptyInput, InputNotFound
from wirecoder.ingest import FileDating, Manifest, NamePattern, read_path
from wirecoder.ingest.dating import dateline_date, split_front_matter

BODY = "Rebels attacked the army in Goma on Monday, killing 12 soldiers, officials said.\n"


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


def test_a_lone_iso_date_in_the_name_dates_the_file(tmp_path):
    p = tmp_path / "2016-10-08_goma-attack.txt"
    p.write_text("Goma attack\n\n" + BODY)
    [raw] = read_path(p)
    assert raw.published == day(2016, 10, 8)
    assert raw.title == "Goma attack"


def test_a_date_anywhere_in_the_name_and_two_dates_are_none(tmp_path):
    inside = tmp_path / "breitbart_2016-09-12_stealth.txt"
    inside.write_text(BODY)
    two = tmp_path / "2016-09-12_to_2016-09-14.txt"
    two.write_text(BODY)
    assert next(read_path(inside)).published == day(2016, 9, 12)
    assert next(read_path(two)).published is None  # which one? neither is guessed


def test_a_name_pattern_reads_other_forms_and_off_reads_none(tmp_path):
    p = tmp_path / "cable_20161008.txt"
    p.write_text(BODY)
    assert next(read_path(p)).published is None  # no ISO date: auto reads nothing
    dating = FileDating(names=NamePattern("*_{date:%Y%m%d}.txt"))
    assert next(read_path(p, dating=dating)).published == day(2016, 10, 8)
    iso = tmp_path / "2016-10-08_x.txt"
    iso.write_text(BODY)
    assert next(read_path(iso, dating=FileDating(names=NamePattern("off")))).published is None
    assert next(read_path(iso, dating=FileDating(names=NamePattern("*_{date:%Y%m%d}.txt")))
                ).published is None  # the pattern does not match: no date, not a wrong one


@pytest.mark.parametrize("pattern", ["*.txt", "{date:%Y}{date:%m}", "{date:%Y-%q}"])
def test_a_bad_name_pattern_is_w018(pattern):
    with pytest.raises(BadIngestOption) as exc:
        NamePattern(pattern)
    assert str(exc.value).startswith("W018")


def test_front_matter_gives_date_title_and_is_cut_from_the_text(tmp_path):
    p = tmp_path / "2020-01-01_note.md"
    p.write_text('---\ntitle: "Army retakes Goma."\ndate: 2016-10-08\nauthor: A. Writer\n'
                 "tags:\n  - drc\n---\n" + BODY)
    [raw] = read_path(p, published="2025-01-31")
    assert raw.published == day(2016, 10, 8)  # before the name and --published
    assert raw.title == "Army retakes Goma."
    assert raw.text == BODY
    assert raw.metadata == {"author": "A. Writer"}


def test_front_matter_needs_its_closing_line_and_errors_name_the_file(tmp_path):
    fields, text = split_front_matter("---\ntitle: x\nno closing line\n")
    assert fields == {} and text.startswith("---")
    bad = tmp_path / "bad.txt"
    bad.write_text("---\ndate: 01/02/2016\n---\n" + BODY)
    with pytest.raises(BadDate, match="bad.txt: front matter"):
        next(read_path(bad))
    empty = tmp_path / "empty.txt"
    empty.write_text("---\ntitle: Nothing\n---\n\n")
    with pytest.raises(EmptyInput):
        next(read_path(empty))


def _folder(tmp_path):
    news = tmp_path / "news"
    (news / "drc").mkdir(parents=True)
    (news / "drc" / "goma.txt").write_text("First line, cut short,\n\n" + BODY)
    (news / "kivu.txt").write_text(BODY)
    (news / "2016-10-01_named.txt").write_text(BODY)
    return news


def test_a_csv_manifest_dates_and_titles_files_by_path_name_or_stem(tmp_path):
    news = _folder(tmp_path)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,title,publisher\n"
                        "news/drc/goma.txt,2016-10-08,Rebels attack Goma.,Example Wire\n"
                        "kivu,2016-10-09T10:00:00+02:00,,\n"
                        "2016-10-01_named.txt,2016-10-03,,\n")
    dating = FileDating(manifest=Manifest(manifest))
    goma = next(read_path(news / "drc" / "goma.txt", dating=dating))
    assert (goma.published, goma.title) == (day(2016, 10, 8), "Rebels attack Goma.")
    assert goma.metadata == {"publisher": "Example Wire"}
    kivu = next(read_path(news / "kivu.txt", dating=dating))
    assert kivu.published == datetime(2016, 10, 9, 8, tzinfo=UTC)
    named = next(read_path(news / "2016-10-01_named.txt", dating=dating))
    assert named.published == day(2016, 10, 3)  # the manifest before the name


def test_a_jsonl_or_tsv_manifest_reads_the_same(tmp_path):
    news = _folder(tmp_path)
    jsonl = tmp_path / "m.jsonl"
    jsonl.write_text(json.dumps({"path": "news/kivu.txt", "date": "9 October 2016",
                                 "title": "Kivu"}) + "\n")
    tsv = tmp_path / "m.tsv"
    tsv.write_text("filename\tpublication_date\ttitle\nkivu\t2016-10-09\tKivu\n")
    for manifest in (jsonl, tsv):
        raw = next(read_path(news / "kivu.txt", dating=FileDating(manifest=Manifest(manifest))))
        assert (raw.published, raw.title) == (day(2016, 10, 9), "Kivu")


def test_a_stated_title_is_kept_over_the_manifest_a_guessed_one_is_not(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("A guessed headline\n\n" + BODY)
    q = tmp_path / "b.txt"
    q.write_text("---\ntitle: Stated\n---\n" + BODY)
    m = tmp_path / "m.csv"
    m.write_text("name,title\na.txt,From the manifest\nb.txt,From the manifest\n")
    dating = FileDating(manifest=Manifest(m))
    assert next(read_path(p, dating=dating)).title == "From the manifest"
    assert next(read_path(q, dating=dating)).title == "Stated"


def test_bad_manifests_are_coded_errors_naming_the_line(tmp_path):
    rows = tmp_path / "m.csv"
    rows.write_text("file,published\na.txt,2016-10-08\nb.txt,someday\n")
    with pytest.raises(BadDate, match=r"m\.csv:3"):
        Manifest(rows)
    nofile = tmp_path / "n.csv"
    nofile.write_text("published,title\n2016-10-08,x\n")
    with pytest.raises(BadRecord, match=r"n\.csv:2"):
        Manifest(nofile)
    with pytest.raises(InputNotFound):
        Manifest(tmp_path / "missing.csv")
    other = tmp_path / "m.xlsx"
    other.write_text("x")
    with pytest.raises(BadIngestOption):
        Manifest(other)


@pytest.mark.parametrize(("lead", "reference", "expected"), [
    ("WASHINGTON, Feb. 3, 2025 (Reuters) - Troops", None, day(2025, 2, 3)),
    ("Kabul, 3 February 2025 - Troops", None, day(2025, 2, 3)),
    ("MEXICO CITY, Feb. 8 (UPI) — Troops", day(2016, 2, 10), day(2016, 2, 8)),
    ("MEXICO CITY, Dec. 30 (UPI) — Troops", day(2016, 1, 2), day(2015, 12, 30)),
    ("MEXICO CITY, Feb. 8 (UPI) — Troops", None, None),  # no year and nothing to take it from
    ("Troops attacked on Feb. 8, 2016 - officials", None, None),  # not at the start: no dateline
])
def test_the_dateline_dates_the_text(lead, reference, expected):
    assert dateline_date(f"Headline\n\n{lead} attacked.\n", "Headline", reference) == expected


def test_the_order_of_sources(tmp_path):
    dated = tmp_path / "line.txt"
    dated.write_text("Headline\n\nWASHINGTON, Feb. 3, 2025 (Reuters) - " + BODY)
    assert next(read_path(dated, published="2025-03-01")).published == day(2025, 2, 3)
    plain = tmp_path / "plain.txt"
    plain.write_text(BODY)
    assert next(read_path(plain, published="2025-03-01")).published == day(2025, 3, 1)
    assert next(read_path(plain)).published is None


def test_html_metadata_comes_before_published(tmp_path):
    p = tmp_path / "2016-10-08_page.html"
    p.write_text("<!doctype html><html><head><title>Page</title><meta property="
                 '"article:published_time" content="2025-01-31T09:30:00-05:00"></head><body>'
                 f"<article><h1>Page</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")
    [raw] = read_path(p, published="2025-03-01")
    assert raw.published == datetime(2025, 1, 31, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "title"), [
    ("Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\nBody.",
     "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’"),
    ("Army retakes Goma.\n\nBody.", "Army retakes Goma."),
    ("Is the ceasefire holding?\n\nBody.", "Is the ceasefire holding?"),
    ("Hegseth — a former Fox host — backs strikes\n\nBody.",
     "Hegseth — a former Fox host — backs strikes"),
    ("CARACAS (Reuters) - Security forces arrested an opposition leader.\n\nBody.", None),
    ("THE HAGUE, Netherlands (AP) — The court ruled.\n\nBody.", None),
    ("The list of demands reads:\n\nBody.", None),
    (" ".join(["word"] * 31) + ".\n\nBody.", None),
    ("No blank line after it\nBody.", None),
])
def test_a_short_first_line_is_the_title_whatever_its_last_character(text, title):
    assert guess_title(text) == title
