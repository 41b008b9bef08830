"""The ``searcher`` group: global options, the shared context, how errors end a command."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import click


class Context:
    def __init__(self, index: Path, corpus: Path) -> None:
        self.index = index
        self.corpus = corpus


def fail(message: str, code: int = 1, as_json: bool = False) -> None:
    if as_json:
        click.echo(json.dumps({"error": message, "exit": code}, ensure_ascii=False), err=True)
    else:
        click.echo(f"error: {message}", err=True)
    sys.exit(code)


class Seconds(click.FloatRange):
    """A number of seconds in a range; ``nan`` too is refused (it passes every
    comparison, so a nan budget or delay would be no limit at all)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        out = super().convert(value, param, ctx)
        if math.isnan(out):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return out


# The options every writing command shares (rebuild, sync, add, remove, crawl).
summary_as_json = click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
wait_for_writer = click.option(
    "--wait",
    default=30.0,
    type=Seconds(0),
    show_default=True,
    help="Seconds to wait for another writer.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default="index",
    envvar="SEARCHER_INDEX",
    show_default=True,
    help="Index directory.",
)
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(path_type=Path),
    default="corpus",
    envvar="SEARCHER_CORPUS",
    show_default=True,
    help="Corpus directory.",
)
@click.pass_context
def cli(ctx: click.Context, index_dir: Path, corpus_dir: Path) -> None:
    """Search Vietnamese procuracy (VKSND) reports."""
    ctx.obj = Context(index_dir, corpus_dir)
