"""Plain text: the whole file is one document; a leading short line may be its title.

A front-matter block at the top (`---`, `title: ...`, `date: ...`, `---`) gives the title, the
publication date (`date`, `published`, `publication_date`, `published_at`), `url`, `source` and
`id`, and is cut from the text; other keys become metadata."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ..clean import guess_title
from ..errors import BadDate, EmptyInput
from .base import RawDocument, parse_published
from .dating import DATE_KEYS, FIELD_KEYS, split_front_matter


def read_text(content: str, *, source: str | None = None,
              published: datetime | None = None) -> Iterator[RawDocument]:
    fields, text = split_front_matter(content)
    if not fields:
        title = guess_title(content.lstrip())
        yield RawDocument(text=content, title=title, published=published, source=source,
                          title_guessed=title is not None)
        return
    if not text.strip():
        raise EmptyInput(f"input is empty after its front matter: {source or '<text>'}")
    date = next((fields[k] for k in DATE_KEYS if fields.get(k)), None)
    try:
        found = parse_published(date) if date else None
    except BadDate as exc:  # name the file: the date is its front matter's
        raise BadDate(f"{source or '<text>'}: front matter: {exc.message}") from None
    title = fields.get("title") or guess_title(text.lstrip())
    yield RawDocument(text=text, title=title, url=fields.get("url"), published=found or published,
                      source=fields.get("source") or source, doc_id=fields.get("id"),
                      metadata={k: v for k, v in fields.items() if k not in (*DATE_KEYS, *FIELD_KEYS)},
                      title_guessed=not fields.get("title") and title is not None)
