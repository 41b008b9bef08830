"""Fault injection for crash tests: ``SEARCHER_CRASH_AT=<point>`` kills the
process with SIGKILL when it reaches that point (as ``kill -9`` would).

Points: ``rebuild:indexing`` (after the first file), ``rebuild:before-publish``,
``add:after-copy`` (copied into the corpus, not yet indexed),
``add:before-commit``, ``add:before-toc`` (the new segments and their arrays
written, Whoosh's table of contents not yet), ``add:after-toc`` (the new state
published, the manifest not yet saved), ``add:after-commit`` (indexed, journal not
yet cleared). ``add:*`` points are passed by every write to the live generation
(``add``, ``sync``, ``remove``).
Unset (the normal case), ``crash_point`` does nothing.
"""

from __future__ import annotations

import os
import signal


def crash_point(name: str) -> None:
    if os.environ.get("SEARCHER_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
