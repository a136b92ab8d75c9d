"""Whole real articles from the shared gold corpora, named by a stable reference.

A reference is the corpus file's path relative to the data root, plus `#key` where one file holds
many articles: `quotes/polnear/train/text/NAME.txt`, `geo/GeoVirus.xml#12` (the 12th article, from
0), `geo/TR-News.xml#1040001` (its docid), `events/wikievents_dev.jsonl#road_ied_8` (its doc_id),
`dedup/ecbplus/3/3_4ecb.xml` (rebuilt from its tokens, see `ecbplus.py`). Our own annotations point
at these texts by reference and character offsets, never by copying them.
"""

from .sources import Article, article_sha1, list_refs, load_article

__all__ = ["Article", "article_sha1", "list_refs", "load_article"]
