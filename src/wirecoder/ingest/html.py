"""HTML: boilerplate removal and metadata (title, URL, publication date) with trafilatura."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from datetime import datetime

from ..errors import BadDate, EmptyInput
from .base import RawDocument, parse_published

# Ask htmldate for the original publication time, to the second where the page gives it.
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def read_html(content: str, *, source: str | None = None,
              published: datetime | None = None) -> Iterator[RawDocument]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extracted = trafilatura.bare_extraction(
            content, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
        if extracted is None:
            # htmldate raises on a page date it cannot compare ("+25:00" offsets) and trafilatura
            # then drops the whole page: read the text without the metadata instead.
            extracted = trafilatura.bare_extraction(
                content, with_metadata=False, include_comments=False, include_tables=False)
    if extracted is None or not (extracted.text or "").strip():
        raise EmptyInput(f"no article text found in the HTML: {source or '<html>'}")
    # trafilatura separates paragraphs by one line break; wirecoder's convention is a blank line.
    text = "\n\n".join(line.strip() for line in extracted.text.splitlines() if line.strip())
    found_date = None
    if extracted.date:
        try:
            found_date = parse_published(extracted.date)
        except BadDate:  # a page date we cannot use costs the date, not the page
            found_date = None
    metadata = {k: str(v) for k, v in (("sitename", extracted.sitename),
                                       ("author", extracted.author)) if v}
    yield RawDocument(
        text=text,
        title=extracted.title,
        url=extracted.url,
        published=found_date or published,  # the page's own date first
        source=source,
        metadata=metadata,
    )
