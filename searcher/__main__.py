"""``python -m searcher``: the whole program, web server included."""

from web.cli import main

main()
