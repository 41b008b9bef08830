"""Derived arrays beside the Whoosh index, in the spirit of Lucene's doc values.

Data flow: the indexer analyses each article once (``searcher.analysis.analyzers.analyse``)
and hands the token lists to Whoosh and to ``rows`` (the batch's token rows); after
Whoosh commits, ``writer`` builds (``build``) and saves (``store``) arrays for every
segment Whoosh created, from those rows or, for a merged segment, from the rows of
the segments it merged (Whoosh's own postings only when arrays are missing). The
engine opens them read-only with mmap (``store``) and answers queries on them
(``core``); Whoosh stays the system of record and serves stored fields of the
page's hits.
"""
