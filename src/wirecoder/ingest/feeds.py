"""RSS (2.0 and 1.0/RDF) and Atom feeds read from files: one document per item or entry.

The text is the item's full content (`content:encoded`, Atom `content`) when the feed carries it,
else its description or summary, else its title; HTML in it is reduced to paragraphs separated
by blank lines. Title, link and date become the document's; the feed's title, the item's guid or
Atom id and its author are kept as metadata. Elements are matched by local name, so namespaced
and unusual feeds read the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from ..errors import BadDate, EmptyInput, UnknownFormat
from .base import RawDocument, parse_published

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "pre", "table", "tr", "section", "article", "figure", "figcaption"}
_DROP_TAGS = {"script", "style", "noscript", "iframe", "object", "embed"}
_DATE_NAMES = ("published", "pubDate", "date", "issued", "updated", "modified", "created")


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _child(el, *names: str):
    for name in names:
        for child in el:
            if _local(child) == name:
                return child
    return None


def _text(el) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def html_to_text(markup: str) -> str:
    """Paragraphs of an HTML fragment, separated by blank lines (plain text passes through)."""
    if "<" not in markup:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", markup) if p.strip())
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several types for unparseable fragments
        return re.sub(r"<[^>]+>", " ", markup).strip()
    for el in list(root.iter()):
        if _local(el) in _DROP_TAGS:
            el.drop_tree()
    for el in root.iter():
        if _local(el) in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
            if el.text is not None or len(el):
                el.text = "\n\n" + (el.text or "")
    text = root.text_content()
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _content(el) -> str:
    """The text of a content-bearing element: escaped HTML, CDATA, or inline XHTML."""
    if el is None:
        return ""
    from lxml import etree

    if len(el):  # Atom type="xhtml": the markup is inline
        inner = (el.text or "") + "".join(etree.tostring(child, encoding="unicode")
                                          for child in el)
        return html_to_text(inner)
    return html_to_text(el.text or "")


def _link(item) -> str | None:
    for child in item:
        if _local(child) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and (child.text or "").strip():
            return child.text.strip()
    first = _child(item, "link")
    return first.get("href") if first is not None and first.get("href") else None


def _date(item) -> datetime | None:
    for name in _DATE_NAMES:
        el = _child(item, name)
        if el is not None and _text(el):
            try:
                return parse_published(_text(el))
            except BadDate:
                continue
    return None


def parse_feed(content: str | bytes, where: str = "<feed>"):
    """The root element of a feed, or UnknownFormat when the content is not RSS or Atom."""
    from lxml import etree

    if isinstance(content, str):
        content = _XML_DECLARATION.sub("", content, count=1).encode("utf-8")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                             huge_tree=True)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnknownFormat(f"{where}: not an RSS or Atom feed ({exc})") from None
    if root is None or _local(root) not in ("rss", "feed", "RDF"):
        raise UnknownFormat(f"{where}: not an RSS or Atom feed")
    return root


def feed_items(root) -> list:
    if _local(root) == "feed":
        return [el for el in root if _local(el) == "entry"]
    items = [el for el in root.iter() if _local(el) == "item"]
    return items


def count_feed_items(content: str | bytes) -> int:
    return len(feed_items(parse_feed(content)))


def read_feed(content: str | bytes, *, source: str | None = None,
              published: datetime | None = None) -> Iterator[RawDocument]:
    where = source or "<feed>"
    root = parse_feed(content, where)
    channel = root if _local(root) == "feed" else _child(root, "channel")
    feed_title = _text(_child(channel, "title")) if channel is not None else ""
    found = 0
    for n, item in enumerate(feed_items(root), start=1):
        title = _text(_child(item, "title")) or None
        body = _content(_child(item, "encoded", "content"))
        if not body:
            body = _content(_child(item, "description", "summary"))
        if not body and title:
            body = title
        if not body:
            continue
        found += 1
        metadata = {"feed_item": str(n)}
        if feed_title:
            metadata["feed_title"] = feed_title
        guid = _text(_child(item, "guid", "id", "identifier"))
        if guid:
            metadata["guid"] = guid
        author = _child(item, "author", "creator")
        if author is not None:
            name = _text(_child(author, "name")) or _text(author)
            if name:
                metadata["author"] = name
        yield RawDocument(text=body, title=title, url=_link(item),
                          published=_date(item) or published, source=f"{where}#{n}",
                          metadata=metadata)
    if not found:
        raise EmptyInput(f"the feed has no items with text: {where}")
