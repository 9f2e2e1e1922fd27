"""Texts with gold actors for measuring actor recognition on text the gazetteer was not written
from: the development set (`tests/data/devset/?.toml`), the held-out set
(`tests/data/actors_heldout.toml`, same format, never to be used for tuning) and the real-news
pages (`../shared/peers/real-news/pages`, gold in `tests/data/realnews_actors.toml`).

Real pages are read as newsdesk reads them: the raw HTML through our own extractor
(`extract_page`), so what is measured is what a user sees. `reference=True` reads instead the text
the labeller labelled (the source projects' expected extraction), to tell extraction losses
from recognition misses.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "data" / "devset"
HELDOUT = ROOT / "tests" / "data" / "actors_heldout.toml"
REALNEWS_GOLD = ROOT / "tests" / "data" / "realnews_actors.toml"
# The parts the gazetteer was grown against (the linker fits on more: related_data.FITTED_PARTS);
# the later ones are scored as fresh text here.
GAZETTEER_PARTS = ("a", "b", "c", "d")
PAGES = ROOT.parent / "shared" / "peers" / "real-news" / "pages"


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    kind: str  # person | org | media
    forms: tuple[str, ...]  # the exact strings the text uses for it


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled text."""

    source: str  # "devset" | "heldout" | "realnews"
    slug: str
    lang: str
    published: datetime  # aware
    title: str
    body: str
    actors: tuple[GoldActor, ...]
    states: tuple[str, ...]
    places: tuple[str, ...]


def _gold(raw: list[dict]) -> tuple[GoldActor, ...]:
    return tuple(GoldActor(a["name"], a["kind"], tuple(a.get("as", ()))) for a in raw)


def load_articles(path: Path, source: str) -> list[Case]:
    """Articles in the development set's format (tests/data/devset/README.md)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Case(source, a["slug"], a.get("lang", "en"),
                 datetime.fromisoformat(a["published"]).astimezone(UTC),
                 a["title"], "\n\n".join(a["paragraphs"]), _gold(a.get("actors", [])),
                 tuple(a.get("states", ())), tuple(a.get("places", ())))
            for a in data["article"]]


def load_devset(halves: tuple[str, ...] | None = None) -> list[Case]:
    """The parts of the development set named, else those the gazetteer was grown against
    (GAZETTEER_PARTS); `fresh_parts()` are the others."""
    parts = halves or GAZETTEER_PARTS
    return [case for half in parts for case in load_articles(DEVSET / f"{half}.toml", "devset")]


def fresh_parts() -> tuple[str, ...]:
    """The development set's parts written later, blind to the gazetteer and the linker."""
    return tuple(sorted(p.stem for p in DEVSET.glob("?.toml") if p.stem not in GAZETTEER_PARTS))


def load_heldout() -> list[Case]:
    """The held-out set: measured and reported, never looked at to grow the gazetteer."""
    return load_articles(HELDOUT, "heldout")


def realnews_available() -> bool:
    return REALNEWS_GOLD.exists() and PAGES.is_dir()


_DATE = re.compile(r"_(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _file_date(stem: str) -> datetime:
    """The date in the page's file name (year, month and day when given)."""
    match = _DATE.search(stem)
    if match is None:
        raise ValueError(f"no date in {stem}")
    year, month, day = match.group(1), match.group(2) or "07", match.group(3) or "01"
    return datetime(int(year), int(month), int(day), 12, tzinfo=UTC)


def _published(found: str | None, stem: str) -> datetime:
    if found:
        try:
            when = datetime.fromisoformat(found.replace("Z", "+00:00"))
            return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
        except ValueError:
            pass
    return _file_date(stem)


def _ours(stem: str) -> tuple[str, str, str | None]:
    from tui.core.ingest.extract import extract_page

    raw = (PAGES / f"{stem}.html").read_bytes()
    got = extract_page(raw, f"https://example.invalid/{stem}")
    return got.title or "", got.body, got.published


def _reference(stem: str) -> tuple[str, str, str | None]:
    """The labelled text, built as the gold file's header says."""
    expected = PAGES / "expected"
    if (path := expected / f"{stem}.fundus.json").exists():
        data = json.loads(path.read_text(encoding="utf-8"))["expected"]
        body = data.get("body", {})
        parts = list(body.get("summary", []))
        for section in body.get("sections", []):
            parts += list(section.get("headline", [])) + list(section.get("paragraphs", []))
        return data.get("title", ""), "\n\n".join(parts), None
    if (path := expected / f"{stem}.groundtruth.json").exists():
        return "", json.loads(path.read_text(encoding="utf-8"))["expected"]["articleBody"], None
    if (path := expected / f"{stem}.newspaper4k.txt").exists():
        meta = json.loads((expected / f"{stem}.newspaper4k.metadata.json").read_text("utf-8"))
        return meta.get("title", ""), path.read_text(encoding="utf-8"), None
    if (path := expected / f"{stem}.goose3.json").exists():
        return "", json.loads(path.read_text(encoding="utf-8"))["expected"]["cleaned_text"], None
    path = expected / f"{stem}.readability.expected.html"
    meta = json.loads((expected / f"{stem}.readability.metadata.json").read_text("utf-8"))
    text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    return meta.get("title", ""), text, None


def load_realnews(reference: bool = False) -> list[Case]:
    data = tomllib.loads(REALNEWS_GOLD.read_text(encoding="utf-8"))
    out = []
    for page in data["page"]:
        stem = page["file"]
        title, body, found = (_reference if reference else _ours)(stem)
        out.append(Case("realnews", stem, page.get("lang", "en"), _published(found, stem),
                        title, body, _gold(page.get("actors", [])),
                        tuple(page.get("states", ())), tuple(page.get("places", ()))))
    return out
