"""What the index holds, per source file: size, content hash, and each article's
id, content hash and place in the file.

``sync`` compares it with ``corpus/`` to index only what changed; ``remove``
finds the file and line of an id in it; id and duplicate rules read it. It is a
cache of the index, never its master: saved beside the Whoosh generation with
the Whoosh TOC number it matches, and rebuilt from Whoosh's stored fields when
a crash left the two apart.

>>> m = Manifest()
>>> m.put("a.jsonl", Entry(10, "f00", [["Hà Nội@1", "c1", 1]]))
>>> m.ids["Hà Nội@1"], m.hashes["c1"]
('a.jsonl', 'Hà Nội@1')
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from searcher.index.atomic import write_atomic

MANIFEST = "manifest.json"


@dataclass
class Entry:
    """One source file as last indexed. ``articles``: [id, content hash, locator];
    ``duplicates``: content hashes skipped because another article holds them."""

    size: int
    sha1: str
    articles: list[list] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    origin: str | None = None  # the path ``add`` copied it from (None: put there by hand)
    retired: list[list[str]] = field(default_factory=list)  # [id, content hash] gone

    def history(self) -> dict[str, str]:
        """Content hash → the id it had in this file (gone records too, the newest
        last): a record without an id gets its id back, and no other record takes it."""
        known = {h: i for i, h in self.retired}
        known.update((a[1], a[0]) for a in self.articles)
        return known

    def to_json(self) -> dict:
        """What ``dataclasses.asdict`` gives, without its deep copies (35k articles
        in one export: 0.56 s of every ``add``)."""
        return {"size": self.size, "sha1": self.sha1, "articles": self.articles,
                "problems": self.problems, "duplicates": self.duplicates,
                "origin": self.origin, "retired": self.retired}  # fmt: skip


class Manifest:
    """Source name (path inside the corpus) → Entry, with id and hash lookups."""

    def __init__(self, sources: dict[str, Entry] | None = None) -> None:
        self.sources: dict[str, Entry] = {}
        self.ids: dict[str, str] = {}  # article id → source name
        self.hashes: dict[str, str] = {}  # content hash → article id
        for name, entry in (sources or {}).items():
            self.put(name, entry)

    def put(self, name: str, entry: Entry) -> None:
        self.drop(name)
        self.sources[name] = entry
        for article_id, content_hash, _ in entry.articles:
            self.ids[article_id] = name
            self.hashes[content_hash] = article_id

    def claim(self, name: str, article_id: str, content_hash: str, locator: int | None) -> None:
        """Record one article of ``name`` (its entry must exist)."""
        self.sources[name].articles.append([article_id, content_hash, locator])
        self.ids[article_id] = name
        self.hashes[content_hash] = article_id

    def drop(self, name: str) -> Entry | None:
        entry = self.sources.pop(name, None)
        if entry is not None:
            for article_id, content_hash, _ in entry.articles:
                if self.ids.get(article_id) == name:
                    del self.ids[article_id]
                if self.hashes.get(content_hash) == article_id:
                    del self.hashes[content_hash]
        return entry

    def article_count(self) -> int:
        return len(self.ids)

    def save(self, directory: Path, toc_generation: int) -> None:
        data = {
            "toc_generation": toc_generation,
            "sources": {name: e.to_json() for name, e in sorted(self.sources.items())},
        }
        write_atomic(directory / MANIFEST, json.dumps(data, ensure_ascii=False))

    @classmethod
    def load(cls, directory: Path, toc_generation: int) -> Manifest | None:
        """The saved manifest if it matches this Whoosh generation, else None."""
        try:
            data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
            if data.get("toc_generation") != toc_generation:
                return None
            return cls({name: Entry(**e) for name, e in data["sources"].items()})
        except (OSError, ValueError, TypeError, KeyError):
            return None

    @staticmethod
    def origins(directory: Path) -> dict[str, str]:
        """Where ``add`` found each file, from the saved manifest whatever its Whoosh
        generation (Whoosh's stored fields do not know it: kept across a crash)."""
        try:
            data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
            return {n: e["origin"] for n, e in data["sources"].items() if e.get("origin")}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    @classmethod
    def from_index(cls, searcher) -> Manifest:
        """Rebuilt from the stored fields of every live document (after a crash)."""
        sources: dict[str, Entry] = {}
        for stored in searcher.all_stored_fields():
            name = stored.get("source", "")
            entry = sources.setdefault(
                name, Entry(stored.get("source_size", -1), stored.get("source_sha1", ""))
            )
            entry.articles.append([stored["id"], stored["content_hash"], stored.get("locator")])
        return cls(sources)
