"""Vietnamese procuracy report search engine (Whoosh + pyvi)."""

__version__ = "0.1.0"
