"""Language data: one package per language (`lang/en`), word lists as data files with one loader,
in the manner of spaCy's `spacy/lang/en`. Knowledge about events and actors (lexicons, codes)
lives in `wirecoder/knowledge`; what is here is the language itself: pronouns, months, speech verbs.
"""
