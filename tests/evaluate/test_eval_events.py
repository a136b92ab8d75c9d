"""The event scorers' parsing, alignment, primary choice and arithmetic, on hand-made rows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conftest import SHARED
from wirecoder.errors import DataMissing, KnowledgeError
from wirecoder.evaluate import available
from wirecoder.evaluate.events import (
    PENTA,
    GoldRow,
    PredEvent,
    RowResult,
    align_marks,
    choose_primary,
    find_text,
    gold_row,
    load_penta,
    load_plv,
    nonspace_map,
    overlaps,
    parse_marks,
    penta_class,
    predicted_events,
    role_score,
    score_penta,
    score_plv,
    score_row,
    summarize_penta,
    summarize_plv,
    type_matches,
)
from wirecoder.records import ActorRef, Document, Event, OffsetSegment, Span

SHARED_DATA = SHARED / "data"
PLV = SHARED_DATA / "events" / "PLV_train_minus_gsr.tsv"

SENT = "Ukraine accuses Russia of sending tanks."
#       0      7       15     22


def spans_text(sentence: str, spans) -> list[str]:
    return [sentence[s:e] for s, e in spans]


# ---------------------------------------------------------------- marks and alignment


def test_parse_marks_strips_tags_and_trims_stray_spaces():
    text, roles = parse_marks("<s>The Libyan National Army (LNA) </s>agreed with < t > Egypt</t>.")
    assert text == "The Libyan National Army (LNA) agreed with  Egypt."
    assert spans_text(text, roles["source"]) == ["The Libyan National Army (LNA)"]
    assert spans_text(text, roles["target"]) == ["Egypt"]


def test_parse_marks_nested_repeated_and_unmatched():
    text, roles = parse_marks("<s><t>Iraqi</t> fighters</s> met <t>Iraq</t> and <t>Iraq</t></s>.")
    assert text == "Iraqi fighters met Iraq and Iraq."
    assert spans_text(text, roles["source"]) == ["Iraqi fighters"]
    assert spans_text(text, roles["target"]) == ["Iraqi", "Iraq", "Iraq"]
    assert roles["target"][1] != roles["target"][2]
    _, empty = parse_marks("<s>  </s> nothing marked")
    assert empty == {"source": [], "target": []}


def test_nonspace_map_tolerates_whitespace_only():
    mapping = nonspace_map("a  b c", "a b  c")
    assert mapping == [0, -1, -1, 2, -1, 5]
    assert nonspace_map("a b", "a c") is None
    assert nonspace_map("a b", "a b c") is None


def test_align_marks_maps_into_the_unmarked_sentence():
    sentence = "Nirmal Jain , leader , said they will strike."
    marked = "<s>Nirmal Jain </s>, leader , said <t> they</t> will strike."
    roles, ok = align_marks(sentence, marked)
    assert ok
    assert spans_text(sentence, roles["source"]) == ["Nirmal Jain"]
    assert spans_text(sentence, roles["target"]) == ["they"]


def test_align_marks_falls_back_to_search_when_texts_differ():
    sentence = 'He said "Russia attacked Ukraine" and Russia denied it.'
    marked = "He said <s>Russia</s> attacked <t>Ukraine</t>, and Russia denied it."
    roles, ok = align_marks(sentence, marked)
    assert ok
    assert roles["source"] == [(9, 15)]  # the occurrence nearest the marked position
    assert spans_text(sentence, roles["target"]) == ["Ukraine"]


def test_align_marks_unaligned_when_a_mark_is_missing_from_the_sentence():
    roles, ok = align_marks("Totally different text.", "<s>Russia</s> attacked <t>Kyiv</t>.")
    assert not ok
    assert roles == {"source": [], "target": []}
    _, ok = align_marks("No marks here.", "No marks here.")
    assert not ok


def test_find_text_ignores_whitespace_and_prefers_nearest():
    assert find_text("Ukraine 's", "Ukraine's army and Ukraine's navy", near=20) == (19, 28)
    assert find_text("Ukraine's", "nothing here") is None
    assert find_text("   ", "anything") is None


def test_gold_row_keeps_absent_roles_empty():
    row = gold_row("UN officials complained.", "<s>UN officials</s> complained.", " accuse ")
    assert row.gold_type == "ACCUSE"
    assert row.aligned and row.source == ((0, 12),) and row.target == ()


def test_load_plv_reads_quoted_tsv_and_limit(tmp_path):
    path = tmp_path / "plv.tsv"
    path.write_text(
        "\tsentence\tmarked_sentence\tgold_root\n"
        '0\t"A said ""no"" to B."\t"<s>A</s> said ""no"" to <t>B</t>."\tREJECT\n'
        "1\tC hit D.\t<s>C</s> hit <t>D</t>.\tASSAULT\n", encoding="utf-8")
    rows = load_plv(path)
    assert [r.gold_type for r in rows] == ["REJECT", "ASSAULT"]
    assert rows[0].sentence == 'A said "no" to B.'
    assert rows[0].source == ((0, 1),) and rows[0].target == ((15, 16),)
    assert len(load_plv(path, limit=1)) == 1
    with pytest.raises(DataMissing):
        load_plv(tmp_path / "absent.tsv")


# ---------------------------------------------------------------- predictions and primary choice


GOLD = GoldRow(sentence=SENT, gold_type="ACCUSE", source=((0, 7),), target=((16, 22),))


def test_overlaps_needs_a_shared_character():
    assert overlaps([(0, 7)], [(6, 10)])
    assert not overlaps([(0, 7)], [(7, 10)])
    assert not overlaps([], [(0, 1)])


def test_role_scores():
    right = PredEvent("ACCUSE", sources=((0, 7),), targets=((16, 22),))
    swapped = PredEvent("ACCUSE", sources=((16, 22),), targets=((0, 7),))
    one_side = PredEvent("ACCUSE", sources=((0, 7), (16, 22)))
    only_source = PredEvent("ACCUSE", sources=((0, 3),))
    only_target_as_source = PredEvent("ACCUSE", sources=((16, 22),))
    nothing = PredEvent("ACCUSE", targets=((26, 33),))
    assert role_score(right, GOLD) == 2
    assert role_score(swapped, GOLD) == 1.5
    assert role_score(one_side, GOLD) == 1.5
    assert role_score(only_source, GOLD) == 1
    assert role_score(only_target_as_source, GOLD) == 1
    assert role_score(nothing, GOLD) == 0
    # An absent gold role places no constraint.
    source_only = GoldRow(sentence=SENT, gold_type="ACCUSE", source=((0, 7),))
    assert role_score(only_source, source_only) == 2
    assert role_score(PredEvent("ACCUSE", targets=((0, 7),)), source_only) == 1.5
    assert role_score(nothing, source_only) == 0


def test_choose_primary_by_overlap_then_prominence():
    weak_right = PredEvent("ACCUSE", sources=((0, 7),), targets=((16, 22),), prominence=0.3)
    strong_swapped = PredEvent("REJECT", sources=((16, 22),), targets=((0, 7),), prominence=0.9)
    assert choose_primary([strong_swapped, weak_right], GOLD) is weak_right
    tie_low = PredEvent("AGREE", sources=((0, 7),), prominence=0.2)
    tie_high = PredEvent("REJECT", sources=((0, 3),), prominence=0.8)
    assert choose_primary([tie_low, tie_high], GOLD) is tie_high
    far_low = PredEvent("AGREE", prominence=0.1)
    far_high = PredEvent("THREATEN", prominence=0.6)
    assert choose_primary([far_low, far_high], GOLD) is far_high
    # confidence (is it right?) does not choose which event a sentence is about
    central = PredEvent("ASSAULT", prominence=0.9, confidence=0.2)
    aside = PredEvent("ACCUSE", prominence=0.5, confidence=0.9)
    assert choose_primary([aside, central], GOLD) is central
    assert choose_primary([], GOLD) is None


def test_yield_matches_concede_and_retreat_only():
    assert type_matches("YIELD", "CONCEDE") and type_matches("YIELD", "RETREAT")
    assert type_matches("YIELD", "YIELD") and type_matches("ASSAULT", "ASSAULT")
    assert not type_matches("CONCEDE", "YIELD")
    assert not type_matches("YIELD", "AGREE")


def test_score_row_cases():
    row = GoldRow(sentence=SENT, gold_type="YIELD", source=((0, 7),), target=((16, 22),))
    right = score_row(row, [PredEvent("RETREAT", sources=((0, 7),), targets=((16, 22),))])
    assert right == RowResult("YIELD", "RETREAT", type_ok=True, args_ok=True, roles_ok=True)
    assert right.hit
    swapped = score_row(row, [PredEvent("CONCEDE", sources=((16, 22),), targets=((0, 7),))])
    assert swapped.hit and not swapped.roles_ok
    no_args = score_row(row, [PredEvent("CONCEDE", sources=((0, 7),))])
    assert no_args.type_ok and not no_args.hit
    assert score_row(row, []) == RowResult("YIELD", None)
    unaligned = GoldRow(sentence=SENT, gold_type="YIELD", aligned=False)
    result = score_row(unaligned, [PredEvent("RETREAT", sources=((0, 7),))])
    assert result.pred_type == "RETREAT" and not result.type_ok and not result.hit


def _fake_analysis(text: str, offset: int, events: list[Event]):
    doc = Document(id="d", text=text, original_text=" " * offset + text,
                   offset_map=[OffsetSegment(clean_start=0, orig_start=offset, length=len(text))])
    return SimpleNamespace(document=doc, events=events)


def test_predicted_events_map_back_to_original_offsets():
    text = SENT
    event = Event(id="e", type="accuse", trigger=Span.of(text, 8, 15),
                  sources=[ActorRef(span=Span.of(text, 0, 7))],
                  targets=[ActorRef(span=Span.of(text, 16, 22))], confidence=0.7)
    [pred] = predicted_events(_fake_analysis(text, 2, [event]))
    assert pred == PredEvent("ACCUSE", sources=((2, 9),), targets=((18, 24),), confidence=0.7)


def test_a_conviction_is_scored_by_the_gold_files_convention():
    # wirecoder codes "convicted" SANCTION (mode convict, CAMEO 116) as the updated PLOVER codebook
    # does; the PLV and penta gold follow CAMEO2PLOVER-2021, where CAMEO 116 is ACCUSE
    text = SENT
    convicted = Event(id="e", type="SANCTION", mode="convict", cameo="116", trigger=Span.of(text, 8, 15))
    sentenced = Event(id="f", type="SANCTION", mode="convict", cameo="16", trigger=Span.of(text, 8, 15))
    preds = predicted_events(_fake_analysis(text, 0, [convicted, sentenced]))
    assert [p.type for p in preds] == ["ACCUSE", "SANCTION"]


# ---------------------------------------------------------------- metric arithmetic


def test_summarize_plv_arithmetic():
    results = [
        RowResult("ACCUSE", "ACCUSE", type_ok=True, args_ok=True, roles_ok=True),  # full hit
        RowResult("ACCUSE", "ACCUSE", type_ok=True, args_ok=True, roles_ok=False),  # swapped
        RowResult("YIELD", "CONCEDE", type_ok=True, args_ok=False),  # type only
        RowResult("YIELD", "ASSAULT", args_ok=True, roles_ok=True),  # wrong type
        RowResult("ASSAULT", None),  # no prediction
    ]
    m = summarize_plv(results)
    assert m["n"] == 5 and m["rows_with_events"] == 4
    assert (m["type_precision"], m["type_recall"]) == (0.5, 0.4)
    assert m["type_f1"] == round(2 * 0.5 * 0.4 / 0.9, 4)
    assert (m["type_only_precision"], m["type_only_recall"]) == (0.75, 0.6)
    assert m["type_only_f1"] == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert m["full_record_accuracy"] == 0.2
    assert m["per_type"]["ACCUSE"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    # CONCEDE folds into YIELD for per-type precision; that row is not a type_f1 hit.
    assert m["per_type"]["YIELD"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 2}
    assert m["per_type"]["ASSAULT"]["support"] == 1
    assert m["per_type"]["ASSAULT"]["precision"] == 0.0  # predicted once, wrongly
    assert m["confusion"] == {"ACCUSE": {"ACCUSE": 2}, "YIELD": {"ASSAULT": 1, "CONCEDE": 1},
                              "ASSAULT": {"NONE": 1}}


def test_summarize_plv_empty_and_no_predictions():
    assert summarize_plv([])["type_f1"] == 0.0
    m = summarize_plv([RowResult("AID", None)] * 3)
    assert m["type_precision"] == m["type_recall"] == m["full_record_accuracy"] == 0.0
    assert m["confusion"] == {"AID": {"NONE": 3}}


# ---------------------------------------------------------------- penta


def test_penta_table_covers_plover():
    assert set(PENTA) >= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                          "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                          "MOBILIZE", "COERCE", "ASSAULT"}
    assert set(PENTA.values()) == {1, 2, 3, 4}
    assert PENTA["PROTEST"] == 4 and PENTA["CONCEDE"] == 1 and PENTA["RETREAT"] == 2


def test_penta_class_uses_the_most_prominent_event():
    assert penta_class([]) == 0
    preds = [PredEvent("AID", prominence=0.4, confidence=0.9), PredEvent("ASSAULT", prominence=0.9, confidence=0.4)]
    assert penta_class(preds) == 4
    with pytest.raises(KnowledgeError):  # a type the table lacks is an error, never neutral
        penta_class([PredEvent("NOT_A_TYPE", prominence=0.9)])


def test_summarize_penta_arithmetic():
    m = summarize_penta([0, 1, 1, 4], [0, 1, 4, 4])
    assert m["accuracy"] == 0.75 and m["n"] == 4
    assert m["per_class_f1"] == {"neutral": 1.0, "verbal_cooperation": round(2 / 3, 4),
                                 "material_conflict": round(2 / 3, 4)}
    assert m["macro_f1"] == round((1 + 2 * round(2 / 3, 4)) / 3, 4)
    assert m["confusion"]["verbal_cooperation"] == {"verbal_cooperation": 1,
                                                    "material_conflict": 1}
    assert summarize_penta([], [])["accuracy"] == 0.0


def test_load_penta(tmp_path):
    path = tmp_path / "penta.tsv"
    path.write_text("A\tsentence with a tab.\t3\nAnother one.\t0\n\n", encoding="utf-8")
    assert load_penta(path) == [("A\tsentence with a tab.", 3), ("Another one.", 0)]
    assert load_penta(path, limit=1) == [("A\tsentence with a tab.", 3)]
    path.write_text("No class here\n", encoding="utf-8")
    with pytest.raises(DataMissing):
        load_penta(path)


# ---------------------------------------------------------------- the scorers end to end


class FakePipeline:
    """Returns one canned event per sentence containing 'attack'; raises on 'BOOM'."""

    specs = [SimpleNamespace(assigns=("events",))]

    def pipe(self, texts, **_):
        for text in texts:
            if "BOOM" in text:
                raise RuntimeError("boom")
            events = []
            if "attack" in text:
                start = text.index("attack")
                events.append(Event(id="e", type="ASSAULT", trigger=Span.of(text, start, start + 6),
                                    sources=[ActorRef(span=Span.of(text, 0, start - 1))],
                                    targets=[ActorRef(span=Span.of(text, start + 7,
                                                                   len(text) - 1))],
                                    confidence=0.8))
            yield _fake_analysis(text, 0, events)


def test_score_plv_and_penta_with_a_fake_pipeline(tmp_path):
    plv = tmp_path / "plv.tsv"
    plv.write_text(
        "sentence\tmarked_sentence\tgold_root\n"
        "Rebels attack the town.\t<s>Rebels</s> attack <t>the town</t>.\tASSAULT\n"
        "BOOM goes the party.\t<s>BOOM</s> goes <t>the party</t>.\tPROTEST\n"
        "Kenya aids Uganda.\t<s>Kenya</s> aids <t>Uganda</t>.\tAID\n", encoding="utf-8")
    m = score_plv(plv, FakePipeline(), batch_size=2)
    assert m["n"] == 3 and m["crashes"] == 1 and m["rows_with_events"] == 1
    assert m["type_precision"] == 1.0 and m["type_recall"] == round(1 / 3, 4)
    assert m["full_record_accuracy"] == round(1 / 3, 4)
    assert m["confusion"] == {"ASSAULT": {"ASSAULT": 1}, "PROTEST": {"NONE": 1},
                              "AID": {"NONE": 1}}
    assert m["unaligned"] == 0 and m["event_stage"] is True
    penta = tmp_path / "penta.tsv"
    penta.write_text("Rebels attack the town.\t4\nAll quiet.\t0\nKenya aids Uganda.\t2\n",
                     encoding="utf-8")
    p = score_penta(penta, FakePipeline(), limit=2)
    assert p["n"] == 2 and p["accuracy"] == 1.0 and p["macro_f1"] == 1.0


def test_scorers_are_registered():
    assert {"plv", "penta"} <= set(available()["events"])


def test_plv_scorer_on_the_shared_file():
    if not PLV.exists():
        pytest.skip(f"needs the PLV gold file {PLV} (shared data beside the repo); not present")
    from wirecoder.evaluate import run_eval

    m = run_eval("events", PLV, limit=20)
    assert m["n"] == 20
    for key in ("type_precision", "type_recall", "type_f1", "type_only_f1",
                "full_record_accuracy"):
        assert 0.0 <= m[key] <= 1.0, key
    assert isinstance(m["per_type"], dict) and isinstance(m["confusion"], dict)
    assert sum(sum(row.values()) for row in m["confusion"].values()) == 20
    assert m["unaligned"] == 0


def test_plv_folds_split_by_sentence_hash_and_hold_one_out(tmp_path):
    from wirecoder.errors import ConfigError
    from wirecoder.evaluate import fold_of

    towns = [f"Rebels attack town {i}." for i in range(12)] + [f"Kenya aids Uganda {i}." for i in range(8)]
    plv = tmp_path / "plv.tsv"
    lines = [f"{s}\t<s>{s.split()[0]}</s> {' '.join(s.split()[1:])}\t{'ASSAULT' if 'attack' in s else 'AID'}"
             for s in towns + towns[:1]]  # the first sentence twice: one fold holds both
    plv.write_text("sentence\tmarked_sentence\tgold_root\n" + "\n".join(lines) + "\n", encoding="utf-8")
    whole = score_plv(plv, FakePipeline())
    m = score_plv(plv, FakePipeline(), folds=4)
    folds = m["folds"]
    texts = towns + towns[:1]
    assert folds["k"] == 4 and [f["n"] for f in folds["per_fold"]] == [
        sum(fold_of(t, 4) == k for t in texts) for k in range(4)]
    for f, k in zip(folds["per_fold"], range(4), strict=True):
        part = [t for t in texts if fold_of(t, 4) == k]
        assert f["type_recall"] == round(sum("attack" in t for t in part) / len(part), 4)
    recalls = [f["type_recall"] for f in folds["per_fold"]]
    assert folds["type_recall_mean"] == round(sum(recalls) / 4, 4) and folds["type_recall_sd"] > 0
    assert {k: m[k] for k in whole} == whole  # folds add figures, they change none

    held = score_plv(plv, FakePipeline(), folds=4, held_out=0)
    assert held["held_out"]["n"] == folds["per_fold"][0]["n"]
    assert held["held_out"]["type_f1"] == folds["per_fold"][0]["type_f1"]
    assert held["n"] == len(texts) - folds["per_fold"][0]["n"]  # the confusion reads folds 1-3
    assert sum(sum(row.values()) for row in held["confusion"].values()) == held["n"]
    for bad in ({"folds": 4, "held_out": 4}, {"held_out": 0}):
        with pytest.raises(ConfigError):
            score_plv(plv, FakePipeline(), **bad)
