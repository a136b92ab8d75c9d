"""Wire datelines: "MEXICO CITY, Feb 3 (Reuters) - ", "ISLAMABAD -- ", "Washington (Reuters) - ".

The place, date and agency of a dateline say where and when a story was filed: the parse starts
the lead's first sentence after it (nlp.py), and no actor or event party is read from it. Plain
regular expressions over the text, so that importing this needs no spaCy.
"""

from __future__ import annotations

import re

from .lang.en import numbers

# The date a wire dateline may carry after its place: "MEXICO CITY, Feb 3 (Reuters) -".
# A month is its first three letters and any more ("Feb", "Sept.", "February").
_MONTH = "(?:" + "|".join(m[:3].title() for m, _ in sorted(numbers("months", "number", form="name").items(),
                                                         key=lambda kv: kv[1])) + ")"
_DATELINE_DATE = (rf"(?:,? {_MONTH}[a-z]*\.? \d{{1,2}}"
                  rf"(?:,? \d{{4}})?|,? \d{{1,2}} {_MONTH}"
                  r"[a-z]*\.?(?: \d{4})?)?")
# A wire dateline at the start of a paragraph: "ISLAMABAD -- ", "THE HAGUE, Netherlands (AP) - ".
_DATELINE = re.compile(
    r"(?:^|\n\n)[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
    + _DATELINE_DATE + r"(?: \([A-Za-z .]+\))? ?(?:--|–|—|-) ?")
# The same in title case ("Washington (Reuters) - ", "New Delhi, India - "): a subject followed by
# a dash reads the same ("Hegseth — a former host — said"), so it counts as a dateline only with
# a news agency's name in brackets, or with a spaced ASCII hyphen in the first two paragraphs.
_TITLE_DATELINE = re.compile(
    r"(?:^|\n\n)[A-Z][a-z.'’]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z.'’]+){0,3}"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?" + _DATELINE_DATE +
    r"(?: \((?P<agency>AP|Reuters|AFP|CNN|dpa|Xinhua|UPI|Bloomberg|BBC|EFE|ANSA|Kyodo|IANS|PTI"
    r"|AA|TASS|IRNA|WAFA|Yonhap|APF|Sputnik|RIA Novosti|The Associated Press)\))?"
    r" ?(?P<dash>--|–|—|-) ")
_TITLE_DATELINE_PARAGRAPHS = 2


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each wire dateline, its dash and the space after it included: the place,
    date and agency there name no actor and no party ("MEXICO CITY, Feb 3 (Reuters) - ")."""
    spans = [(m.start() + (2 if m.group().startswith("\n\n") else 0), m.end())
             for m in _DATELINE.finditer(text)]
    for match in _TITLE_DATELINE.finditer(text):
        early = text.count("\n\n", 0, match.start() + 2) < _TITLE_DATELINE_PARAGRAPHS
        if match.group("agency") or (match.group("dash") in ("-", "--") and early):
            spans.append((match.start() + (2 if match.group().startswith("\n\n") else 0), match.end()))
    return sorted(spans)


def in_dateline(tok) -> bool:
    """Whether a token is part of its document's dateline (the spans are worked out once per doc)."""
    spans = tok.doc.user_data.get("wirecoder_datelines")
    if spans is None:
        spans = tok.doc.user_data["wirecoder_datelines"] = dateline_spans(tok.doc.text)
    return any(start <= tok.idx < end for start, end in spans)
