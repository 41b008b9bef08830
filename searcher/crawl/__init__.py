"""The crawl stage: new articles from the procuracy websites, politely and incrementally.

``registry`` (sources.toml), ``urls`` (which links, one key per article, stable ids),
``fetch`` (polite bounded GETs), ``robots``, ``discover`` (feeds, sitemaps, list pages),
``extract`` (the page as ``add`` reads it), ``archive`` (the raw copy), ``store`` (the
SQLite state), ``site`` (one site's run), ``run`` (every site, then one ``add``),
``status`` (the health table).
"""
