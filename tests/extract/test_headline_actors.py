"""No actor from a headline's run of capitalised words (#19): in a title-case line every word has
a capital, so the tagger read "Obama Power Plant Rules Face Key Test" as an organisation. A name
read there is an actor only when the document says it elsewhere, or the dictionary or the
countries know it (headlines.py, extract/actors.py)."""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.headlines import has_body, is_title_case, said_elsewhere, title_case_spans

COURT = ("Obama Climate Rules Face Key Test In Appeals Court.\n\n"
         "President Barack Obama's rules on power plant emissions face a test on Tuesday when "
         "opponents ask a federal appeals court to throw them out, officials said.")
RAID = ("Cartel Gunmen Storm Police Station In Border Town.\n\n"
        "Gunmen attacked a police station in Reynosa on Monday, the governor of Tamaulipas said.")
TARIFF = ("Sheinbaum Rejects Trump Tariff Threat Over Border Security.\n\n"
          "Mexican President Claudia Sheinbaum on Monday rejected the threat, saying her "
          "government would not accept it.")


@pytest.mark.parametrize("line, title_case", [
    ("Obama Climate Rules Face Key Test In Appeals Court.", True),
    ("Bombshell Photo From DURING Debate Surfaces — Some Say It Proves She Cheated.", True),
    ("Kasich: ‘We Are Going To Go All The Way To Cleveland.’", True),
    ("President Barack Obama met Prime Minister Justin Trudeau in Ottawa.", False),  # "met"
    ("Barack Obama", False),  # a name alone: too few words to tell
    ("Gunmen attacked a police station in Reynosa on Monday.", False),
])
def test_title_case_lines(line, title_case):
    assert is_title_case(line) is title_case


def test_spans_and_names_said_elsewhere():
    spans = title_case_spans(RAID)
    assert spans == [(0, RAID.index("\n"))]
    assert said_elsewhere("Reynosa", RAID, spans)
    assert not said_elsewhere("Cartel Gunmen", RAID, spans)  # in the headline alone
    assert not said_elsewhere("Police", RAID, spans)  # whole words, in their own case
    assert has_body(RAID, spans)
    alone = "Minister Of Foreign Affairs Of Saudi Arabia"
    assert not has_body(alone, title_case_spans(alone)) and not has_body("", [])
    assert not said_elsewhere("Obama", "Obama-era rules. Obama Rules Face Key Test Today", [(17, 48)])


@pytest.fixture(scope="module")
def actors_only():
    return wirecoder.load({"stages": ["clean", "parse", "actors"]})


def names(pipeline, text: str) -> dict[str, tuple]:
    return {a.name: (a.country, tuple(a.sectors)) for a in pipeline.analyze(text).actors}


def test_a_headlines_run_of_words_is_no_actor(actors_only):
    court = names(actors_only, COURT)
    assert not [n for n in court if "Key Test" in n or "Rules Face" in n], court
    assert court["Barack Obama"] == ("USA", ("GOV",))  # the lead names him
    raid = names(actors_only, RAID)
    assert not [n for n in raid if "Storm" in n], raid


def test_a_headlines_names_said_in_the_text_stay(actors_only):
    tariff = names(actors_only, TARIFF)
    assert tariff["Claudia Sheinbaum"] == ("MEX", ("GOV",))
    # a text of a title-case line alone has no body to check its names by: read as ever
    alone = names(actors_only, "Interview With President Claudia Sheinbaum Of Mexico")
    assert any("Sheinbaum" in n for n in alone), alone
    # a name said once, in a line that is no headline, is read as ever
    plain = names(actors_only, "Rebels led by Ahmed Kato attacked the town on Monday, "
                               "officials said.")
    assert "Ahmed Kato" in plain, plain


@pytest.mark.parametrize("text,word", [
    ("Defense Secretary Pete Hegseth said on Friday that all options were open.", "Defense"),
    ("Finance Minister Chrystia Freeland presented the budget in Ottawa.", "Finance"),
])
def test_a_portfolio_before_a_title_is_no_organisation(pipeline, text, word):
    # the tagger marks the portfolio word alone as an organisation; it is part of the person's title
    names = [a.name for a in pipeline.analyze(text).actors]
    assert word not in names and any(n.endswith(("Hegseth", "Freeland")) for n in names), names


def test_an_organisation_before_a_title_stays(pipeline):
    names = [a.name for a in pipeline.analyze("Fox News host Brian Kilmeade asked about the strikes.").actors]
    assert "Fox News" in names, names
