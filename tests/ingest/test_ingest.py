import json
from datetime import UTC, datetime

import pytest

from wirecoder.errors import (
    BadDate,
    BadRecord,
    EmptyInput,
    InputNotFound,
    InputNotText,
    InputNotUtf8,
)
from wirecoder.ingest import guess_format, read_path, read_string
from wirecoder.ingest.base import parse_published

HTML = """<!doctype html><html><head><title>Tariffs on three countries | Example News</title>
<meta property="article:published_time" content="2025-01-31T09:30:00-05:00">
<link rel="canonical" href="https://news.example.org/tariffs"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Tariffs on three countries</h1>
<p>Press Secretary Karoline Leavitt said on Friday that a 25 percent tariff will be levied on Mexico and Canada.</p>
<p>A 10 percent tariff will also be imposed against China on the same day, officials said.</p>
</article>
<footer>Copyright 2025 Example News. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def test_text_with_title_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Cartel gunfight at the border\n\nBorder Patrol agents returned fire on Monday.\n")
    [raw] = read_path(p, published="2025-01-31")
    assert raw.title == "Cartel gunfight at the border"
    assert raw.published == datetime(2025, 1, 31, tzinfo=UTC)
    assert raw.source == str(p)


def test_html_boilerplate_removed_and_metadata_read(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(HTML)
    [raw] = read_path(p)
    assert "25 percent tariff" in raw.text and "10 percent tariff" in raw.text
    assert "Subscribe" not in raw.text and "Sport" not in raw.text
    assert raw.url == "https://news.example.org/tariffs"
    assert raw.published is not None and raw.published.date().isoformat() == "2025-01-31"
    assert "\n\n" in raw.text  # paragraphs separated by a blank line


def test_html_page_date_comes_before_the_published_flag(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(HTML)
    [raw] = read_path(p, published="2025-02-02")  # --published is for inputs that carry none
    assert raw.published.isoformat() == "2025-01-31T09:30:00-05:00"


def test_jsonl_documents_and_metadata(tmp_path):
    p = tmp_path / "docs.jsonl"
    rows = [{"id": "a1", "text": "Officials met in Geneva.", "title": "Talks", "published": "2025-01-30",
             "url": "https://x.example/a1", "section": "world"},
            {"text": "Protesters marched in Lagos.", "date": "2025-01-29T10:00:00Z"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs = list(read_path(p))
    assert [d.doc_id for d in docs] == ["a1", None]
    assert docs[0].metadata == {"section": "world"} and docs[0].title == "Talks"
    assert docs[1].published == datetime(2025, 1, 29, 10, tzinfo=UTC)


def test_jsonl_errors_name_the_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "fine"}\n{not json}\n')
    with pytest.raises(BadRecord, match=r"bad.jsonl:2"):
        list(read_path(p))
    p.write_text('{"title": "no text"}\n')
    with pytest.raises(BadRecord, match="no 'text'"):
        list(read_path(p))
    p.write_text('{"text": "  "}\n')
    with pytest.raises(EmptyInput):
        list(read_path(p))


def test_bad_files(tmp_path):
    with pytest.raises(InputNotFound):
        list(read_path(tmp_path / "missing.txt"))
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00")
    with pytest.raises(InputNotText):
        list(read_path(binary))
    latin = tmp_path / "l.txt"
    latin.write_bytes("Se\xf1or Pe\xf1a".encode("latin-1"))
    with pytest.raises(InputNotUtf8, match="W012") as info:
        list(read_path(latin))
    assert str(info.value).startswith("W012: input is not UTF-8 text")
    empty = tmp_path / "e.txt"
    empty.write_text(" \n\t\n")
    with pytest.raises(EmptyInput):
        list(read_path(empty))


def test_dates():
    assert parse_published("2025-01-31T09:00:00-05:00").utcoffset().total_seconds() == -5 * 3600
    assert parse_published("31 January 2025") == datetime(2025, 1, 31, tzinfo=UTC)
    for bad in ("Monday", "yesterday", "2025-13-45"):
        with pytest.raises(BadDate):
            parse_published(bad)


def test_format_guessing():
    assert guess_format("x.htm") == "html"
    assert guess_format("x.unknown", "<!DOCTYPE html><html>") == "html"
    assert guess_format("x.unknown", '{"text": "a"}') == "jsonl"
    assert guess_format("x.unknown", "plain words") == "text"
    assert [d.text for d in read_string("just text", "text")] == ["just text"]


@pytest.mark.parametrize("text, expected", [
    ("Jan 31, 2025 9:00 PM ET", "2025-01-31T21:00:00-05:00"),  # Eastern, standard time
    ("July 4, 2016 9:00 PM ET", "2016-07-04T21:00:00-04:00"),  # Eastern, daylight saving
    ("Mon, 27 Jan 2025 08:00:00 PST", "2025-01-27T08:00:00-08:00"),
    ("31 January 2025 23:30 CET", "2025-01-31T23:30:00+01:00"),
])
def test_byline_zone_names_are_read_not_dropped(text, expected):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dateutil's UnknownTimezoneWarning would be an error
        assert parse_published(text).isoformat() == expected


@pytest.mark.parametrize("text", [
    "2025-01-31T09:00:00+25:00",        # an offset of a day or more: no clock reads that
    "2025-01-31T09:00:00-24:00",
    "Fri, 31 Jan 2025 09:00:00 +2500",  # the same in RFC 2822, read by the free-form parser
    "0001-01-01T00:00:00+05:00",        # an instant before year 1 in UTC
    "9999-12-31T23:00:00-05:00",        # an instant after year 9999 in UTC
])
def test_impossible_offsets_are_bad_dates_not_later_crashes(text):
    """An offset Python refuses, or an instant UTC cannot hold, failed later (storing, resolving
    times) as a bare ValueError / OverflowError; it is a W014 where the date is read."""
    with pytest.raises(BadDate, match="W014"):
        parse_published(text)


def test_a_datetime_object_with_an_impossible_offset_is_a_bad_date():
    from dateutil.tz import tzoffset

    with pytest.raises(BadDate):
        parse_published(datetime(2025, 1, 31, 9, tzinfo=tzoffset(None, 25 * 3600)))


@pytest.mark.parametrize("text", ["01/02/2025", "02.01.2025", "1-2-2025", "12/11/2025 09:00"])
def test_ambiguous_numeric_dates_are_refused_naming_the_iso_form(text):
    """01/02/2025 is 1 February in most of the world and 2 January in the US: refused, not guessed."""
    with pytest.raises(BadDate, match=r"ambiguous.*YYYY-MM-DD"):
        parse_published(text)


@pytest.mark.parametrize("text, expected", [
    ("31/01/2025", "2025-01-31"),   # only one reading: day 31
    ("01/31/2025", "2025-01-31"),
    ("03/03/2025", "2025-03-03"),   # both readings agree
    ("2025/01/02", "2025-01-02"),   # year first: always year, month, day
    ("January 2025", "2025-01-01"),  # no day: the first, never today's day of the month
    ("Thu, 01 Jan 0099 00:00:00 +0000", "0099-01-01"),  # not 1999: the year is as written
])
def test_numeric_dates_with_one_reading_are_read(text, expected):
    assert parse_published(text).date().isoformat() == expected


def test_jsonl_bad_date_names_the_line(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text('{"text": "fine", "published": "2025-01-31"}\n'
                 '{"text": "late", "published": "2025-01-31T09:00:00+25:00"}\n')
    with pytest.raises(BadDate, match=r"d.jsonl:2: cannot read the date"):
        list(read_path(p))


def test_html_page_with_an_impossible_date_keeps_its_text():
    """htmldate raised on a +25:00 page date and trafilatura then dropped the page (W013 "no
    article text"); the text is kept and the date left unknown."""
    page = HTML.replace("2025-01-31T09:30:00-05:00", "2025-01-31T09:30:00+25:00")
    [raw] = read_string(page, "html")
    assert "25 percent tariff" in raw.text and raw.published is None


# UTF-16 and UTF-32 as editors and Windows tools write them: the byte order mark, then the text.
WIDE = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
        "utf-32-be": b"\x00\x00\xfe\xff"}


@pytest.mark.parametrize("encoding", sorted(WIDE))
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_read(tmp_path, encoding):
    """A UTF-16 file with its mark was called binary (W011: its NUL bytes)."""
    text = "Tariffs on “three” countries\n\nSeñor Peña said 25 percent — 漢字 😀."
    plain = tmp_path / "a.txt"
    plain.write_bytes(WIDE[encoding] + text.encode(encoding))
    assert [d.text for d in read_path(plain)] == [text]
    page = tmp_path / "a.html"
    page.write_bytes(WIDE[encoding] + HTML.encode(encoding))
    assert "25 percent tariff" in list(read_path(page))[0].text
    lines = tmp_path / "a.jsonl"
    lines.write_bytes(WIDE[encoding] + (json.dumps({"id": "x", "text": text}) + "\n" +
                                        json.dumps({"id": "y", "text": "Two."}) + "\n").encode(encoding))
    assert [(d.doc_id, d.text) for d in read_path(lines)] == [("x", text), ("y", "Two.")]


def test_a_broken_utf16_file_is_w012_naming_its_encoding(tmp_path):
    from wirecoder.store.readers import read_inputs

    broken = tmp_path / "b.jsonl"  # a lone high surrogate in the middle
    broken.write_bytes(b"\xff\xfe" + '{"text": "a'.encode("utf-16-le") + b"\x00\xd8" +
                       '"}\n{"text": "b"}\n'.encode("utf-16-le"))
    with pytest.raises(InputNotUtf8, match="not UTF-16 LE text.*UTF-16 LE byte order mark"):
        list(read_path(broken))
    failures = list(read_inputs(broken))  # ingest: one coded failure for the file, not a crash
    assert [f.reason.split(":")[0] for f in failures] == ["W012"]
    unmarked = tmp_path / "u.txt"  # without its mark UTF-16 is still binary to us
    unmarked.write_bytes("plain words".encode("utf-16-le"))
    with pytest.raises(InputNotText):
        list(read_path(unmarked))


def test_jsonl_lines_end_at_newlines_only(tmp_path):
    """JSON leaves U+2028, U+2029 and U+0085 unescaped in strings (json.dumps with
    ensure_ascii=False, JavaScript); str.splitlines cut the line there: two bad lines (W015).
    Found by the byte-order-mark property in tests/test_fuzz.py."""
    from wirecoder.store.readers import read_inputs

    texts = ["First\u2028line sep.", "Next\u2029para sep and\x85NEL.", "Plain."]
    path = tmp_path / "seps.jsonl"
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\r\n" for t in texts),
                    encoding="utf-8", newline="")
    assert [d.text for d in read_path(path)] == texts
    assert [d.text for d in read_inputs(path)] == texts
    assert [d.source for d in read_inputs(path)] == [f"{path}:{n}" for n in (1, 2, 3)]


def test_a_text_file_too_long_for_any_document_is_w017_before_it_is_read(tmp_path):
    """More bytes than MAX_CHARS characters can take in any encoding (4 bytes each): refused
    without reading it (a sparse file of zeros, which read would be W011 binary)."""
    from wirecoder.errors import InputTooLarge
    from wirecoder.ingest.base import MAX_BYTES_PER_CHAR, MAX_CHARS

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_CHARS * MAX_BYTES_PER_CHAR + 1)
    with pytest.raises(InputTooLarge, match="W017.*bytes"):
        list(read_path(big))
    with pytest.raises(InputTooLarge):
        list(read_path(big, "text"))


def test_every_message_about_a_jsonl_line_names_that_line(tmp_path):
    """The batch reader hands read_jsonl one line at a time; a message that named the line in
    its middle ("input is not valid Unicode text: f.jsonl:1 (...)") kept line 1 whatever the
    line was (the failure's source said :11)."""
    from wirecoder.store.readers import read_inputs

    lines = [json.dumps({"text": f"Line {n} of the file."}) for n in range(1, 12)]
    lines[4] = '{"text": "A lone \\ud800 surrogate."}'
    lines[8] = json.dumps({"text": "Null", "id": "x\u0000"})
    lines[10] = json.dumps({"text": "Late", "published": "2025-01-31T09:00:00+25:00"})
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(lines) + "\n")
    failures = [f for f in read_inputs(path) if not hasattr(f, "text")]
    for f in failures:
        assert f"{f.source}:" in f.reason or f"{f.source} " in f.reason, f.reason
        assert f"{path}:1 " not in f.reason and f"{path}:1:" not in f.reason
    assert [(f.code, f.source) for f in failures] == [
        ("W012", f"{path}:5"), ("W011", f"{path}:9"), ("W014", f"{path}:11")]


def test_a_nul_no_store_keeps_is_w011_wherever_a_document_comes_from(tmp_path):
    """A NUL past the first 8 KB of a text file (the binary sniff), or in a text or id given
    to `analyze`, reached the store: PostgreSQL refused it (W099 for the whole batch)."""
    import wirecoder
    from wirecoder.ingest import RawDocument
    from wirecoder.store.readers import read_inputs

    late = tmp_path / "late.txt"
    late.write_text("Rebels attacked a convoy. " * 400 + "\x00 and more.")
    [failure] = list(read_inputs(late))  # ingest: the file's failure, not the run's
    assert failure.code == "W011" and failure.source == str(late) and "its text" in failure.reason
    nlp = wirecoder.load({"stages": ["clean"]})
    for raw in (*read_path(late), RawDocument(text="Fine text.", doc_id="a\x00"), RawDocument(text="Text\x00."),
                RawDocument(text="Fine text.", metadata={"k": "v\x00"})):
        with pytest.raises(InputNotText, match="NUL character"):
            nlp.analyze(raw)
