"""The Whoosh schema: two analysis views of title and body, facets, stored metadata.

>>> sorted(n for n in build_schema().names() if n.startswith("title"))
['title', 'title_text', 'title_words']
"""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from searcher.index.analyzers import syllable_analyzer, word_analyzer
from searcher.index.registry import FACETS, TEXT_FIELDS

TITLE_BOOST = 1.0  # the title is its own short BM25 field; a larger boost hurt (ALQAC train)
SCHEMA_VERSION = 19  # bump when fields, analysis or metadata extraction change: full rebuild


def build_schema() -> Schema:
    """Fields:

    - ``title``/``body``: canonical syllables with positions; ``title_words``/``body_words``:
      compounds with frequencies (no query needs their positions). Not stored. The
      folded views the engine also searches are derived from the syllables (folding
      is a function of a syllable): the segment arrays hold them, Whoosh need not.
    - facet fields, indexed as single exact terms (``meeting_type`` has several)
    - ``sort_date``: the date used for newest/oldest ordering ("2022-09-12", or "2017"
      when only the year is known)
    - stored: the original title and clean body, dates, unit, author, url, source
      file (name, size, sha1, record locator), content hash
    """
    fields: dict[str, object] = {
        "id": ID(unique=True, stored=True),
        "content_hash": ID(stored=True),
        "source": STORED(),  # the file inside the corpus ("tin/2024.jsonl")
        "source_size": STORED(),
        "source_sha1": STORED(),
        "locator": STORED(),  # line (JSONL) or position (JSON array) in the file
        "url": STORED(),  # the original article on the web
        "title_text": STORED(),
        "body_text": STORED(),
        "author": STORED(),
        "unit": STORED(),
        "published": STORED(),
        "published_month": STORED(),  # "2025-05": a stamp that gives no day
        "meeting_date": STORED(),
        "meeting_types": STORED(),
        "period_year": STORED(),  # the year of the reporting period ("period" is a facet)
        "sort_date": ID(stored=True),
        "people": STORED(),  # {"chair": [name, role] | None, "attendees": [[name, role], …]}
        "chair_role": STORED(),
    }
    for name in TEXT_FIELDS:
        boost = TITLE_BOOST if name == "title" else 1.0
        fields[name] = TEXT(analyzer=syllable_analyzer(), field_boost=boost)
        fields[f"{name}_words"] = TEXT(analyzer=word_analyzer(), field_boost=boost, phrase=False)
    for f in FACETS:
        if f.multi or f.many:
            fields[f.name] = KEYWORD(stored=False, commas=True, lowercase=False)
        else:
            fields[f.name] = ID(stored=True)
    return Schema(**fields)
