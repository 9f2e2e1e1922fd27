"""What the bench site's articles say: events that several outlets cover, naming actors.

Real coverage names people, organisations and states (Shoigu, Araghchi, Hamas, the IRGC,
Russia, Iran): a few of them in very many articles, most in few, and the outlets that cover one
event in the same half-day name the same cast. A site without names leaves a cold cache with no
actor mentions, and the linker never weighs the candidates that shared actors create, so the
cold row would time less work than a user's refresh. Names are the display names (or an
organisation's acronym) from tui/data/actors.toml; the sentences are our own; all draws come
from seeded RNGs, so every run serves the same bytes.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

ACTORS_TOML = Path(__file__).resolve().parents[1] / "tui" / "data" / "actors.toml"
WINDOW = 12  # items per news cycle: an item is an hour older than the one before it
EVENTS = 200  # events per cycle; their coverage falls off as 1 / rank ** EVENT_SKEW
EVENT_SKEW = 0.8  # the top event gets ~150 of a cycle's 2,400 articles, the median ~4
EVENT_SHARE = 0.65  # articles that cover a shared event; the rest are one outlet's own story
OFFSET = 10  # names drawn 1 / (rank + OFFSET): the first is ~11 times the 100th, not 100 times
# Who this news names most, by our own reading of it; everyone else follows in the file's order
HEAD = ("vladimir-putin", "volodymyr-zelensky", "benjamin-netanyahu", "donald-trump", "hamas",
        "ali-khamenei", "irgc", "abbas-araghchi", "sergey-lavrov", "hezbollah", "idf",
        "dmitry-peskov", "kremlin", "masoud-pezeshkian", "white-house", "united-nations", "nato",
        "european-union", "houthis", "steve-witkoff", "marco-rubio", "israel-katz",
        "ahmed-al-sharaa", "recep-tayyip-erdogan", "andrei-belousov", "sergei-shoigu",
        "emmanuel-macron", "keir-starmer", "rafael-grossi", "antonio-guterres")
HEADLINES = ("{a} says {c}", "{p}: {C}", "{a} and {b} at odds as {c}", "{C}, {a} says",
             "{p}: {a} warns {c}")
SENTENCES = ("{a} met {b} in {p} to discuss the matter.",
             "Officials close to {a} said {b} had been told in advance.",
             "{a} rejected the account given by {b}.",
             "{a} and {b} are expected to speak again later this week.",
             "A spokesperson for {a} said {b} had not yet answered the proposal.",
             "{a} accused {b} of stalling.",
             "Envoys from {a} and {b} were seen arriving in {p} on Monday.",
             "{a} called on {b} to show restraint.")


@dataclass(frozen=True)
class Event:
    place: str
    clause: str
    cast: tuple[str, ...]  # lead actor first


def _load() -> tuple[list[str], list[tuple[str, str | None]]]:
    """States and (name, acronym) of people and organisations, most named first: HEAD, then
    the file's order (it lists the region's main actors first)."""
    actors = tomllib.loads(ACTORS_TOML.read_text(encoding="utf-8"))["actor"]
    first = {actor_id: rank for rank, actor_id in enumerate(HEAD)}
    actors.sort(key=lambda a: first.get(a["id"], len(HEAD)))  # stable: the rest keep their order
    states = [a["name"] for a in actors if a["kind"] == "state"]
    others = [(a["name"], (a.get("acronyms") or [None])[0]) for a in actors
              if a["kind"] in ("person", "org") and a["name"].isascii()]
    return states, others


def _zipf(n: int, skew: float, offset: int = 1) -> list[float]:
    return list(accumulate(1.0 / (rank + offset) ** skew for rank in range(n)))


class Coverage:
    """The title and lead paragraph of every article, by (feed, item)."""

    def __init__(self, seed: int, places: tuple[str, ...], clauses: tuple[str, ...],
                 verbs: tuple[str, ...]) -> None:
        self.seed, self.places, self.clauses, self.verbs = seed, places, clauses, verbs
        self.states, self.others = _load()
        self.state_cum = _zipf(len(self.states), 1.0, 2)
        self.other_cum = _zipf(len(self.others), 1.0, OFFSET)
        self.event_cum = _zipf(EVENTS, EVENT_SKEW)
        self._events: dict[int, list[Event]] = {}

    def _draw(self, rng: random.Random, states: int, others: int) -> list[str]:
        """Distinct names: states, then people and organisations (an acronym a third of
        the time when there is one), each by its skewed weight."""
        out: list[str] = []
        for name in rng.choices(self.states, cum_weights=self.state_cum, k=states):
            if name not in out:
                out.append(name)
        for name, acronym in rng.choices(self.others, cum_weights=self.other_cum, k=others):
            form = f"the {acronym}" if acronym and rng.random() < 0.33 else name
            if name not in out and form not in out:
                out.append(form)
        return out

    def events(self, window: int) -> list[Event]:
        if window not in self._events:
            rng = random.Random(f"events-{self.seed}-{window}")
            self._events[window] = [
                Event(rng.choice(self.places), rng.choice(self.clauses),
                      tuple(self._draw(rng, rng.randint(1, 3), rng.randint(4, 9))[::-1]))
                for _ in range(EVENTS)]
        return self._events[window]

    def article(self, feed: int, item: int) -> tuple[str, str]:
        """(title, lead paragraph): an event's cast, a few of them per outlet, plus a name or
        two of the outlet's own; or a story of its own."""
        rng = random.Random(f"article-{self.seed}-{feed}-{item}")
        if rng.random() < EVENT_SHARE:
            event = rng.choices(self.events(item // WINDOW), cum_weights=self.event_cum)[0]
            lead, rest = event.cast[0], list(event.cast[1:])
            rng.shuffle(rest)
            cast = [lead, *rest[:rng.randint(3, 7)]]
            place, clause = event.place, event.clause
        else:
            cast = self._draw(rng, rng.randint(1, 2), rng.randint(3, 6))
            place, clause = rng.choice(self.places), rng.choice(self.clauses)
        cast += [n for n in self._draw(rng, 0, rng.randint(0, 2)) if n not in cast]
        names = [n[0].upper() + n[1:] for n in cast]  # "The IRGC" opening a sentence
        title = rng.choice(HEADLINES).format(a=names[0], b=cast[-1], p=place, c=clause,
                                             C=clause[0].upper() + clause[1:])
        parts = [f"{names[0]} {rng.choice(self.verbs)} {clause}."]
        for i in range(1, len(cast), 2):
            other = cast[i + 1] if i + 1 < len(cast) else cast[0]
            parts.append(rng.choice(SENTENCES).format(a=names[i], b=other, p=place))
        parts.append(f"The claims could not be independently verified in {place}.")
        return title, " ".join(parts)
