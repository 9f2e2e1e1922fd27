"""The checks on feeds.toml's values that go beyond types: numbers in range, key names,
queries that parse, a cache folder that can be one. Each error names the key and, when the
file is at hand, the line (tomllib keeps no positions, so the line is found in the text).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tui.core.config import shape
from tui.core.toml_lines import ConfigError as ConfigError
from tui.core.toml_lines import Source as Source

if TYPE_CHECKING:
    from tui.core.query.saved import ViewLike


# The names [keys] may remap: the app's commands. The app's list lives with Textual, which the
# core never imports; tests/test_config_checks.py keeps the two lists equal.
COMMAND_NAMES = frozenset({
    "cursor_down", "cursor_up", "open", "page", "next_unread", "prev_unread", "toggle_read",
    "mark_view_read", "undo", "toggle_saved", "add_tags", "remove_tag", "dismiss",
    "actor_alias", "new_actor", "list_unlisted", "next_in_story", "prev_in_story", "search",
    "filter", "open_browser", "copy_link", "refresh_all", "refresh_feed", "feed_errors",
    "cycle_panes", "top", "bottom", "toggle_full", "close", "help", "palette", "toggle_hide_read",
    "clear_query", "save_view", "export_view", "focus_views", "focus_list", "focus_reader",
    "focus_actors", "focus_related", "toggle_side", "back", "forget_actor", "open_cited_link",
    "toggle_mark", "mark_all", "next_feed", "prev_feed", "mark_all_read",
    "add_feed", "remove_feed"})
_KEY_NAME = re.compile(r"[A-Za-z0-9_+-]+")

RANGES, MIN_TEXT_WIDTH = shape.RANGES, shape.MIN_TEXT_WIDTH


def number(source: Source, key: str, value: Any) -> None:
    """A numeric setting: finite, not negative, within its range."""
    low, high = RANGES[key]
    where = source.at("settings", None, key)  # its line found only for a mistake
    if isinstance(value, float) and not math.isfinite(value):
        raise_error(f"{where}: settings.{key} must be a finite number, not {value}")
    if value < 0:
        raise_error(f"{where}: settings.{key} cannot be negative ({value})")
    if value <= 0 and key.endswith("_timeout"):
        raise_error(f"{where}: settings.{key} must be above 0, not {value}")
    if value < low:
        raise_error(f"{where}: settings.{key} must be at least {low:g}, not {value}")
    if value > high:
        raise_error(f"{where}: settings.{key} must be at most {high:g}, not {value}")


def keys(source: Source, table: Mapping[str, Any]) -> dict[str, str]:
    """[keys]: command name -> key(s). Unknown commands and empty or odd keys are errors."""
    out = {}
    for command, key in table.items():
        where = source.at("keys", None, command)
        if not isinstance(key, str):
            raise_error(f"{where}: keys.{command} must be a string, not {key!r}")
        if command not in COMMAND_NAMES:
            import difflib  # a mistake's hint: only then

            close = difflib.get_close_matches(command, sorted(COMMAND_NAMES), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise_error(f"{where}: keys.{command}: no such command ({hint}the help screen, ?, "
                        "lists every command's name)")
        parts = [p.strip() for p in key.split(",")]
        for part in parts:
            if not part:
                raise_error(f"{where}: keys.{command} needs a key, e.g. \"S\" or \"ctrl+s\" "
                            f"(got {key!r})")
            if not (_KEY_NAME.fullmatch(part) or (len(part) == 1 and part.isprintable())):
                raise_error(f"{where}: keys.{command}: {part!r} is not a key name (e.g. \"S\", "
                            "\"ctrl+s\", \"f5\", \"question_mark\")")
        out[command] = ",".join(parts)
    return out


def query(source: Source, table: str, index: int, text: str, *, empty_ok: bool) -> None:
    """A [[rule]], [[mute]] or [[view]] query must parse, before anything is stored."""
    from tui.core.query.ast import QueryError
    from tui.core.query.parse import parse

    where = source.at(table, index, "query")
    if not text.strip():
        if empty_ok:
            return
        raise_error(f"{where}: {table} #{index} has an empty query, which would match every "
                    "article")
    try:
        parse(text)
    except QueryError as exc:
        raise_error(f"{where}: {table} #{index} query {text!r}: {exc.message} "
                    f"(column {exc.column})")


def view_references(source: Source, views: Sequence[ViewLike], rules: Sequence[str],
                    mutes: Sequence[str]) -> None:
    """A view:NAME in a [[view]], [[rule]] or [[mute]] must name a view of this file, and no
    view may lead back to itself: said with the line, before anything is stored. The query
    parser loads only when one does (an unchanged `fetch` must not pay for it)."""
    queries = [*(("view", v.query, v.name) for v in views),
               *(("rule", q, None) for q in rules), *(("mute", q, None) for q in mutes)]
    if not any("view:" in text.lower() for _, text, _ in queries):
        return
    from tui.core.query.ast import QueryError
    from tui.core.query.saved import check_references

    counted: dict[str, int] = {}
    for table, text, name in queries:
        index = counted[table] = counted.get(table, 0) + 1
        if "view:" not in text.lower():
            continue
        try:
            check_references(views, text, name)
        except QueryError as exc:
            raise_error(f"{source.where(table, index, 'query')}: {table} #{index} query "
                        f"{text!r}: {exc.message} (column {exc.column})")


_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
# Names a user writes for the code meant: `lang = "english"` stored as is matched no `lang:en`.
_LANG_NAMES = {
    "english": "en", "russian": "ru", "arabic": "ar", "persian": "fa", "farsi": "fa",
    "hebrew": "he", "turkish": "tr", "ukrainian": "uk", "french": "fr", "german": "de",
    "spanish": "es", "italian": "it", "chinese": "zh", "kurdish": "ku", "armenian": "hy",
    "azerbaijani": "az", "georgian": "ka", "urdu": "ur", "pashto": "ps", "dari": "prs"}


def feed_lang(source: Source, index: int, value: str) -> str:
    """A feed's `lang`: a language code as feeds declare theirs (`en`, `pt-BR`), said with
    the code probably meant; the articles' `lang:` filters compare against it."""
    try:
        return lang_code(value)
    except ValueError as exc:
        raise_error(f"{source.where('feed', index, 'lang')}: feed #{index} lang {exc}")


def lang_code(value: str) -> str:
    """`value` as a language code, else ValueError saying what it must be and the code
    probably meant (feeds.toml's `lang`, `newsdesk add-feed --lang`)."""
    text = value.strip()
    if _LANG_TAG.fullmatch(text):
        return text
    key = text.casefold()
    meant = _LANG_NAMES.get(key)
    if not meant:
        import difflib  # a misspelt language's hint: only then

        meant = next(iter(difflib.get_close_matches(key, sorted(_LANG_NAMES), n=1,
                                                    cutoff=0.75)), None)
    code = _LANG_NAMES.get(meant, meant) if meant else None
    hint = f"did you mean {code!r}? " if code else ""
    raise ValueError(f"must be a language code such as 'en', 'ru', 'ar', 'fa' or 'pt-BR', "
                     f"not {value!r} ({hint}lang:CODE in a query matches it)")


def cache_folder(source: Source, folder: Path) -> None:
    """cache_dir must be (or become) a folder: no file in the way, here or above."""
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                where = source.where("settings", None, "cache_dir")
                raise_error(f"{where}: settings.cache_dir: {place} is a file, not a folder")
            return


def raise_error(message: str) -> NoReturn:
    raise ConfigError(message)
