"""Subcommands over the analysis and exchange features (actors, links, export, OPML)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

AddParser = Callable[[str, str], argparse.ArgumentParser]


def add_extra_commands(add: AddParser) -> None:
    """Registered separately so parser.py stays the core grammar."""


EXTRA_COMMANDS: dict[str, Callable[..., int]] = {}


def enrich_article_json(desk: object, article: object, data: dict[str, object]) -> dict[str, object]:
    """Add what the analysis features know about an article (actors, links)."""
    return data
