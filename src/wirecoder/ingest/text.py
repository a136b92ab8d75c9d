"""Plain text: the whole file is one document; a leading short line may be its title."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ..clean import guess_title
from .base import RawDocument


def read_text(content: str, *, source: str | None = None,
              published: datetime | None = None) -> Iterator[RawDocument]:
    yield RawDocument(text=content, title=guess_title(content.lstrip()), published=published,
                      source=source)
