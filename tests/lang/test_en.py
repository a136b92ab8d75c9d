"""wirecoder/lang/en: one home for English word lists (#23), and no copy of them elsewhere in src/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from wirecoder.lang.en import numbers, table, words

SRC = Path(__file__).resolve().parents[2] / "src" / "wirecoder"
LISTS = ("pronouns", "months", "weekdays", "speech_verbs", "thought_verbs", "titles", "non_speakers",
         "place_nouns", "name_words", "number_words", "amount_verbs")


def test_selections_by_column():
    assert words("pronouns", kind="reflexive") >= {"himself", "themselves"}
    assert words("pronouns", kind="personal", refers="person", person="3") == {"he", "him", "she", "her"}
    assert "her" in words("pronouns", kind="possessive")  # a cell may hold several values
    assert numbers("months", "number", form="name")["may"] == 5
    assert numbers("months", "number", form="abbreviation")["sept"] == 9
    assert words("months", ambiguous="yes") == {"may", "march"}
    assert words("speech_verbs", reporting="yes") < words("speech_verbs")
    assert "order" in words("speech_verbs", directive="yes") and "say" not in words("speech_verbs", directive="yes")


@pytest.mark.parametrize("name", LISTS)
def test_each_list_has_one_row_per_word(name):
    rows = table(name)
    first = next(iter(rows[0]))
    column = [row[first] for row in rows]
    assert len(column) == len(set(column)), f"{name}: a word twice"
    assert all(w == w.strip().lower() and w for w in column)


def _strings(node: ast.AST) -> set[str]:
    """The words of a literal, nested literals included ("[("jan", "january"), ...]"), and of a
    regular expression's alternation ("(?:Monday|Tuesday|...)")."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return set().union(*(_strings(e) for e in node.elts)) if node.elts else set()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.lower()
        return {w for part in text.split("|") for w in re.findall(r"[a-z]{2,}", part)} if "|" in text else {text}
    return set()


def _string_literals(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            found = _strings(node)
        elif isinstance(node, ast.Dict):
            found = set().union(*(_strings(k) for k in node.keys if k is not None)) if node.keys else set()
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            found = _strings(node)
        else:
            continue
        if len(found) >= 4:
            yield node.lineno, found


# What makes a literal a copy of a list: closed classes (pronouns, months, titles) at four of their
# words making half the literal; verbs, an open class whose lists legitimately overlap (verbs of
# evidence, of perceiving, of making), at six words making four fifths of it.
COPY_RULES = {"pronouns": (4, 0.5), "months": (4, 0.5), "weekdays": (4, 0.5), "titles": (4, 0.5),
              "speech_verbs": (6, 0.8), "thought_verbs": (6, 0.8), "place_nouns": (6, 0.8),
              "name_words": (6, 0.8), "number_words": (6, 0.8)}


def copies_in(tree: ast.AST, where: str) -> list[str]:
    found_copies = []
    for line, found in _string_literals(tree):
        for name, (least, share) in COPY_RULES.items():
            shared = found & words(name)
            if len(shared) >= least and len(shared) >= share * len(found):
                found_copies.append(f"{where}:{line} repeats {name}: {sorted(shared)[:6]}")
    return found_copies


def test_no_copy_of_an_english_list_in_src():
    copies = [c for path in SRC.rglob("*.py")
              for c in copies_in(ast.parse(path.read_text("utf-8")), str(path.relative_to(SRC)))]
    assert copies == []


def test_the_check_sees_a_copy():
    planted = ast.parse('MONTHS = {"january", "february", "march", "april"}\n'
                        'SAYING = ("say", "tell", "announce", "report", "claim", "state", "add")')
    assert [c.split(" repeats ")[1].split(":")[0] for c in copies_in(planted, "x")] == ["months", "speech_verbs"]


def test_the_check_sees_a_nested_copy_and_one_in_a_pattern():
    planted = ast.parse('M = {m: i for i, names in enumerate([("jan", "january"), ("feb", "february"),\n'
                        '                                     ("mar", "march"), ("apr", "april")])}\n'
                        'DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|today)"\n'
                        'WHERE = frozenset({"village", "villages", "town", "towns", "hamlet", "township"})')
    assert sorted(c.split(" repeats ")[1].split(":")[0] for c in copies_in(planted, "x")) == \
        ["months", "place_nouns", "weekdays"]
