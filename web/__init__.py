"""Flask web frontend: ``create_app(test_config=None)`` and one blueprint.

Modules: ``state`` (the blueprint, the shared engine, a request's state), ``pages``
(HTML), ``api`` (JSON twins), ``exports`` (CSV, JSONL, Atom), ``errors``,
``security``, ``presenters`` (view models: pure, no Flask), ``server`` (waitress
workers), ``channel`` (what one client may hold of a worker) and ``cli``
(``searcher serve``).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import Flask

from searcher.results.export import EXPORT_LIMIT


def create_app(test_config: dict | None = None) -> Flask:
    """The app; ``INDEX_DIR`` says which index to serve (default ./index or $SEARCHER_INDEX).

    ``BASE_URL`` is the public origin of absolute links (the feed's; never the request's
    ``Host``), ``EXPORT_LIMIT`` the rows of one export, ``EXPORT_SLOTS`` the exports
    streamed at once (503 beyond). The web UI is read-only: nothing it accepts changes
    the index or the corpus.
    """
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.from_mapping(
        INDEX_DIR=os.environ.get("SEARCHER_INDEX", "index"),
        CORPUS_DIR=os.environ.get("SEARCHER_CORPUS", "corpus"),  # crawled pages' copies
        BASE_URL=os.environ.get("SEARCHER_BASE_URL", "http://127.0.0.1:8000"),
        EXPORT_LIMIT=EXPORT_LIMIT,
        EXPORT_SLOTS=2,
        MAX_CONTENT_LENGTH=16 * 1024,  # nothing is uploaded; refuse big bodies
        MAX_FORM_MEMORY_SIZE=16 * 1024,
        JSON_AS_ASCII=False,
        DEBUG=False,
        PROPAGATE_EXCEPTIONS=False,
    )
    if test_config:
        app.config.update(test_config)
    app.config["INDEX_DIR"] = str(Path(app.config["INDEX_DIR"]))
    app.config["BASE_URL"] = app.config["BASE_URL"].rstrip("/")
    app.json.ensure_ascii = False
    app.extensions["export_slots"] = threading.BoundedSemaphore(app.config["EXPORT_SLOTS"])

    from web import api, archive, exports, pages, security  # noqa: F401 (their routes)
    from web.errors import register_errors
    from web.security import TextResponse
    from web.state import bp

    app.response_class = TextResponse
    app.register_blueprint(bp)
    register_errors(app)
    return app
