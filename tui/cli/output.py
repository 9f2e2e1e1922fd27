"""Turning core records into terminal text and JSON for scripts."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.errors import CliError
from tui.core.basics import to_iso
from tui.core.words import counted

if TYPE_CHECKING:  # the records load with the first command that reads some
    from datetime import datetime

    from tui.core.actors.gazetteer import Actor
    from tui.core.models import Article, ArticleActor, ArticleRow, FeedStatus
    from tui.core.store.coverage import RelatedItem, Story


def iso(moment: datetime | None) -> str | None:
    return to_iso(moment) if moment else None


def row_json(row: ArticleRow) -> dict[str, Any]:
    return {"id": row.id, "feed": row.feed, "title": row.title, "url": row.url,
            "published": iso(row.published), "read": row.read, "saved": row.saved,
            "dismissed": row.dismissed, "tags": list(row.tags)}


def article_json(article: Article, actors: list[ArticleActor],
                 story: Story | None) -> dict[str, Any]:
    """`show --json`: the row, the whole text, the actors named and the story."""
    data = row_json(article)
    data.update(author=article.author, body=article.body, body_source=article.body_source,
                feeds=list(article.feeds), lang=article.lang, extract_error=article.extract_error)
    data["links"] = [{"number": number, "url": link.url, "offsets": list(link.at)}
                     for number, link in enumerate(article.links, 1)]  # offsets: in body
    data["actors"] = [actor_json(article, a) for a in actors]
    data["story"] = None if story is None else {"id": story.id, "label": story.label}
    return data


def actor_json(article: Article, actor: ArticleActor) -> dict[str, Any]:
    """One actor of `show --json`. `listed` is false for a person named with a title whom the
    gazetteer lacks (`description`: what the article called them; `id`: the id adding them
    would give). `roles`: the phrases that named this holder of an office on that date."""
    fields = {"title": article.title or "", "body": article.body or ""}
    out: dict[str, Any] = {"id": actor.id, "name": actor.name, "kind": actor.kind,
                           "aliases": list(actor.aliases), "count": actor.count,
                           "listed": actor.listed}
    if not actor.listed:
        out["description"] = actor.description
    if actor.roles:
        out["roles"] = [{"office": office, "text": fields.get(field, "")[start:end]}
                        for field, start, end, office in actor.roles]
    return out


def actor_count_json(actor: Actor, articles: int) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "articles": articles}


def related_json(item: RelatedItem) -> dict[str, Any]:
    """`strength`: the word the text leads with, so a script need not know the threshold."""
    from tui.core.related_items import strength

    return {"id": item.id, "title": item.title, "feed": item.feed,
            "published": iso(item.published), "score": round(item.score, 4),
            "reasons": item.reasons, "in_story": item.in_story, "strength": strength(item)}


def related_head(article: Article, drawn: bool = False) -> str:
    """The line `related` opens with: which article the list is related to."""
    from tui.cli.terminal_lines import name

    local = article.published.astimezone().strftime("%Y-%m-%d %H:%M")
    return (f"related to {article.id} ({name(article.feed, drawn)}, {local}): "
            f"{name(article.title, drawn)}")


def story_json(story: Story) -> dict[str, Any]:
    return {"id": story.id, "label": story.label, "articles": list(story.article_ids),
            "outlets": list(story.outlets), "first": iso(story.first), "last": iso(story.last)}


def tag_json(tag: str, articles: int) -> dict[str, Any]:
    return {"tag": tag, "articles": articles}




_NAMED_WRONG = (IsADirectoryError, FileNotFoundError, NotADirectoryError, PermissionError)


def write(text: str, target: str | None) -> None:
    """To the file named (saying so on stderr, and whether a file was replaced there, as the
    reader's `E` asks first), or to stdout. A target that cannot be written (a folder, no
    such folder, no permission) is a usage error (2), said in one line; a write that fails
    on the way (a full disk) is a failure (1) that leaves no file. `-` is stdout, as in curl,
    tar and sort."""
    if target and target != "-":
        replacing = Path(target).is_file()
        try:
            write_whole(Path(target), text.encode("utf-8"))
        except OSError as exc:
            code = 2 if isinstance(exc, _NAMED_WRONG) else 1
            raise CliError(f"cannot write {target}: {exc.strerror or exc}", code) from None
        print(f"{'replaced' if replacing else 'wrote'} {target}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def write_whole(target: Path, data: bytes) -> None:
    """Write a temporary file beside `target`, then rename it over: a failure halfway (a full
    disk) leaves the old file as it was, or none, never a cut or empty one. Not a regular
    file (`-o /dev/stdout`, a fifo): written straight."""
    if target.exists() and not target.is_file():
        target.write_bytes(data)
        return
    import tempfile  # here: a fetch, which prints and writes no file, never loads it

    target = Path(os.path.realpath(target))  # a symlink stays one: its file is replaced
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode_for(target: Path) -> int:
    """The file's mode as a plain write would leave it: the old file's, else 0666 less umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def print_json(data: Any, *, lines: bool = False) -> None:
    if lines:
        for item in data:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


ROW_TITLE_AT = 48
"""The column `row_line`'s title starts at: id, marks, date and outlet before it."""


def row_line(row: ArticleRow, drawn: bool = False) -> str:
    """`list`'s line; `drawn`: for a terminal it is reordered for (see terminal_lines)."""
    from tui.cli.terminal_lines import column, name

    first = "N" if not row.read else "x" if row.dismissed else " "  # x: dismissed (read, hidden)
    mark = first + ("*" if row.saved else " ")
    local = row.published.astimezone().strftime("%Y-%m-%d %H:%M")
    tags = f"  [{', '.join(name(t, drawn) for t in row.tags)}]" if row.tags else ""
    return (f"{row.id:>6} {mark} {local}  {column(row.feed, 18, drawn)}  "
            f"{name(row.title, drawn)}{tags}")


def article_text(article: Article, isolate: bool = False) -> str:
    """`show`'s text; `isolate`: the feed and author as bidi isolates, for a terminal the text
    is reordered for (a pipe gets the text as stored)."""
    from tui.core import visual
    from tui.core.bodylinks import link_lines, marked

    name = visual.isolated if isolate else str
    head = [article.title, "=" * min(len(article.title), visual.MAX_RULE),
            f"{name(article.feed)}  |  {article.published.astimezone():%Y-%m-%d %H:%M %Z}"
            + (f"  |  {name(article.author)}" if article.author else "")]
    if article.url:
        head.append(article.url)
    if article.tags:
        head.append("tags: " + ", ".join(article.tags))
    if article.extract_error and article.body_source != "page":
        head.append(f"{_feed_text(article)}; the article's page failed: {article.extract_error}")
    elif article.extract_error:  # the page's text, with a caveat (cut off at the size limit)
        head.append(f"the article's page: {article.extract_error}")
    text = marked(article.body, article.links).text if article.body else (
        article.summary or "(no text)")
    links = "\n\nLinks:\n" + "\n".join(link_lines(article.links)) if article.links else ""
    return "\n".join(head) + "\n\n" + text + links + "\n"


def _feed_text(article: Article) -> str:
    """What the text shown is when the page gave none (only `show --json` said so before)."""
    if article.body_source == "feed-content":
        return "the text is the feed's"
    return "the text is the feed's summary" if article.body or article.summary else "no text"


def feed_line(feed: FeedStatus, drawn: bool = False) -> str:
    from tui.cli.terminal_lines import column
    ok = feed.last_ok.astimezone().strftime("%Y-%m-%d %H:%M") if feed.last_ok else "never"
    state = {"failing": f"FAILING x{feed.failures}: {feed.last_error}",
             "warning": f"warning: {feed.warning}", "ok": "ok",
             "not_fetched": "not fetched yet"}[feed.state]
    stored = counted(feed.articles, "article")
    sent = counted(feed.item_count, "item")
    return (f"{column(feed.name, 28, drawn)} {ok:<16} {feed.unread:>5} unread of {stored:<14} "
            f"{sent:>11} in feed  {state}")


def feed_json(feed: FeedStatus) -> dict[str, Any]:
    return {"name": feed.name, "url": feed.url, "tags": list(feed.tags), "status": feed.state,
            "last_ok": iso(feed.last_ok), "last_error": feed.last_error,
            "failures": feed.failures, "warning": feed.warning,
            "pages_failed": feed.pages_failed, "item_count": feed.item_count,
            "articles": feed.articles, "unread": feed.unread}
