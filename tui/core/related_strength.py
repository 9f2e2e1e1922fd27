"""How strongly a related item is linked, in one word both faces show (the side panel and
`newsdesk related`).

Two signals, each meaning one thing. The *score* is the probability that this pair alone
reports the same event (a model fitted on a labelled set). The *story* is the cluster the
tree lists: it weighs every pair among its articles, so it tells an event's coverage apart
better than one pair does (tests/data/related_eval.md), and it may hold an article whose
own pair is weak (a short wire that names no one, linked through the story's other reports)
or a neighbouring event it could not part (an inauguration and a guest's killing that
night). The story goes first; the score grades the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.store.coverage import RelatedItem

SAME_STORY = "same story"
LIKELY = "likely"
MAYBE = "maybe"
LIKELY_FROM = 0.5  # the pair alone more likely than not the same event



def legend(story: str = "") -> str:
    """What the words and the score mean (`newsdesk related --help`, the README say it too);
    `story`: the article's story as the tree labels it, named where the words say "story"."""
    where = f" ({story})" if story else ""
    return ("score: the chance that the pair alone reports the same event; same story: in "
            f"the article's story{where}, grouped by every pair among its articles, so a "
            "weak pair can belong (and a neighbouring event too); likely: outside it, scored "
            f"{LIKELY_FROM:.1f} or more; maybe: outside it, less (another event, most often)")


def strength(item: RelatedItem) -> str:
    """'same story' (in the article's story), else 'likely' or 'maybe' by the pair's score."""
    if item.in_story:
        return SAME_STORY
    return LIKELY if item.score >= LIKELY_FROM else MAYBE


def is_weak(item: RelatedItem) -> bool:
    """Shown apart, after the others and dimmed: outside the story and less likely than not."""
    return strength(item) == MAYBE
