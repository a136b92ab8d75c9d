from wirecoder.clean import clean, duplicate_key, guess_title


def test_seed_drops_exactly_title_and_two_captions(seed_text):
    result = clean(seed_text)
    reasons = sorted(d.reason for d in result.dropped)
    assert reasons == ["duplicate_caption", "duplicate_caption", "duplicate_title"]
    dropped_starts = {d.text[:40] for d in result.dropped}
    assert any(s.startswith("Trump is discussing army strikes") for s in dropped_starts)
    assert any(s.startswith("Defense Secretary Pete Hegseth told") for s in dropped_starts)
    assert any(s.startswith("Jalisco New Generation Cartel, which") for s in dropped_starts)
    # The two photo captions that differ only in their dates are different facts: both kept.
    assert "July 1, 2021" in result.text and "October 15, 2022" in result.text
    assert result.text.count("Trump is discussing army strikes") == 1
    assert result.title.startswith("Trump is discussing army strikes")


def test_dropped_spans_point_into_the_original(seed_text):
    result = clean(seed_text)
    for d in result.dropped:
        assert seed_text[d.start:d.end] == d.text
        kept = seed_text[d.duplicate_of[0]:d.duplicate_of[1]]
        assert duplicate_key(kept) == duplicate_key(d.text)
        assert d.duplicate_of[0] < d.start  # the first copy is kept


def test_every_clean_character_maps_back(seed_text):
    from wirecoder.records import Document
    result = clean(seed_text)
    doc = Document(id="d", text=result.text, original_text=seed_text, offset_map=result.offset_map)
    for i, ch in enumerate(result.text):
        orig = seed_text[doc.to_original(i)]
        assert orig == ch or (ch == "'" and orig in "’‘") or (ch == " " and orig.isspace()) \
            or (ch == "\n" and orig == "\n"), (i, ch, orig)


def test_normalisation():
    text = "Mexico’s  government\u00a0said\u200b it.\r\n\r\n\r\nNext  paragraph ﬁne."
    result = clean(text)
    assert result.text == "Mexico's government said it.\n\nNext paragraph fine."


def test_quote_marks_keep_their_direction():
    result = clean("He said ‘we will win.’ Then “nothing”.")
    assert "‘we will win.’" in result.text and "“nothing”" in result.text


def test_near_duplicate_with_curly_apostrophe_is_dropped():
    para = "Officials said the cartel's leaders met in the city on Tuesday evening"
    curly = para.replace("'", "’")
    text = f"Headline here\n\n{para}\n\nA body sentence that stays.\n\n{curly}"
    result = clean(text)
    assert len(result.dropped) == 1
    assert result.dropped[0].reason == "duplicate_caption"
    assert result.text.endswith("A body sentence that stays.")


def test_near_duplicate_with_typo_is_dropped_but_different_numbers_are_kept():
    a = "The agency seized eighteen kilos of fentanyl hidden in a passenger bus near the border."
    typo = a.replace("passenger", "pasenger")
    other = a.replace("eighteen", "eighteen") + " 2024"
    # (a headline first: a short first line alone would be the title, whatever its last character)
    result = clean(f"Seizure at the border\n\n{a}\n\n{typo}\n\n{other}")
    assert [d.reason for d in result.dropped] == ["duplicate_paragraph"]
    assert "2024" in result.text


def test_short_repeated_lines_are_kept():
    result = clean("Watch below\n\nFirst story text here.\n\nWatch below")
    assert result.dropped == []


def test_title_guess():
    assert guess_title("A headline without a stop\n\nBody text.") == "A headline without a stop"
    assert guess_title("A first sentence that ends.\n\nBody.") == "A first sentence that ends."
    assert guess_title("No blank line after it\nBody.") is None
