"""The ECB+ gold reader: text, event mentions with offsets, chains, the split, and the refusal of
the held-back test topics 36-45."""

from __future__ import annotations

import pytest

from wirecoder.corpora.ecbplus import check_topic, read_ecbplus
from wirecoder.corpora.ecbplus_gold import chains, read_gold_document, read_topics, select_topics
from wirecoder.errors import DataMissing, HeldOutData


def write_ecb_file(path, doc_name: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    words = ["Police", "arrested", "him", "."]
    tokens = "".join(f'<token t_id="{i}" sentence="0">{w}</token>' for i, w in enumerate(words, 1))
    markables = ('<Markables><ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>'
                 '<ACTION_OCCURRENCE m_id="9" instance_id="ACT1" TAG_DESCRIPTOR="arrest"/></Markables>'
                 '<Relations><CROSS_DOC_COREF r_id="5" note="ACT1"><source m_id="1"/>'
                 '<target m_id="9"/></CROSS_DOC_COREF></Relations>')
    path.write_text(f'<Document doc_name="{doc_name or path.name}">{tokens}{markables}</Document>')


def test_a_real_file_gives_text_mentions_and_chains(data_dir):
    path = data_dir / "dedup/ecbplus/1/1_10ecb.xml"
    if not path.exists():
        pytest.skip(f"needs {path} (ECB+ under the shared gold data); not present here")
    doc = read_gold_document(path)
    assert doc.text == read_ecbplus(path).text, "the same text as the article reader: one join"
    assert (doc.topic, doc.subtopic) == (1, "1ecb")
    assert doc.text.startswith("Perennial party girl Tara Reid checked herself into Promises")
    checked = next(m for m in doc.events if m.m_id == "32")
    # m_id 32 anchors tokens 6 and 8 ("checked", "into"), skipping "herself"
    assert [doc.text[a:b] for a, b in checked.ranges] == ["checked", "into"]
    assert checked.text == "checked herself into" and checked.tag == "ACTION_OCCURRENCE"
    same = {m.m_id for m in doc.events if m.chain == checked.chain}
    assert same == {"32", "33", "38"}, "checked into / went / decision: one CROSS_DOC_COREF chain"
    assert all(m.is_event for m in doc.events) and not any(m.tag == "HUMAN_PART_PER" for m in doc.events)
    assert any(m.tag == "HUMAN_PART_PER" for m in doc.mentions), "entity mentions are read too"
    # a mention in no relation is a chain of its own
    supported = next(m for m in doc.events if m.m_id == "31")
    assert supported.chain == "1_10ecb:31"
    topic = read_topics(data_dir, [1])
    chain = chains(topic)[checked.chain]
    names = {name for name, _ in chain}
    assert len(names) >= 5, "Tara Reid's check-in is told by several reports"
    assert {d.subtopic for d in topic if d.name in names} == {"1ecb"}, "within one half of the topic"


def test_the_split_is_train_topics_for_tuning_and_dev_topics_for_validation(data_dir):
    if not (data_dir / "dedup/ecbplus").exists():
        pytest.skip("needs the ECB+ topics under the shared gold data; not present here")
    validation = select_topics(data_dir, "validation")
    assert validation == [2, 5, 12, 18, 21, 23, 34, 35]
    tune = select_topics(data_dir, "tune")
    assert not set(tune) & set(validation) and max(tune) <= 35 and len(tune) >= 20
    assert select_topics(data_dir, "all") == sorted(tune + validation)


def test_held_back_topics_are_refused_unread(tmp_path):
    with pytest.raises(HeldOutData):
        check_topic(36)
    assert check_topic(35) == 35
    # refused by name before the file is opened: its content is not even XML
    bad = tmp_path / "ecb" / "40" / "40_1ecb.xml"
    bad.parent.mkdir(parents=True)
    bad.write_text("not xml")
    with pytest.raises(HeldOutData):
        read_ecbplus(bad)
    with pytest.raises(HeldOutData):
        read_gold_document(bad)
    # a renamed file still declares its document name
    renamed = tmp_path / "ecb" / "1" / "1_1ecb.xml"
    write_ecb_file(renamed, doc_name="45_2ecbplus.xml")
    with pytest.raises(HeldOutData):
        read_ecbplus(renamed)


def test_topic_choice_lists_no_test_topic_and_refuses_one_asked_for(tmp_path):
    root = tmp_path / "dedup" / "ecbplus"
    write_ecb_file(root / "3" / "3_1ecb.xml")
    write_ecb_file(root / "12" / "12_1ecbplus.xml")
    (root / "36").mkdir()
    (root / "36" / "36_1ecb.xml").write_text("never read")
    assert select_topics(tmp_path, "all") == [3, 12]
    assert select_topics(tmp_path, "tune") == [3] and select_topics(tmp_path, "validation") == [12]
    with pytest.raises(HeldOutData):
        select_topics(tmp_path, "all", [3, 36])
    with pytest.raises(HeldOutData):
        select_topics(tmp_path, "tune", [12])  # a validation topic while tuning
    with pytest.raises(DataMissing):
        select_topics(tmp_path, "all", [4])
    with pytest.raises(HeldOutData):
        read_topics(tmp_path, [36])
    doc = read_topics(tmp_path, [3])[0]
    assert [(m.text, m.chain) for m in doc.events] == [("arrested", "ACT1")]
