"""Which related items a list shows and the words it gives them: one rule for the side panel,
`newsdesk related` (text and JSON) and the benches that score lists as shown.

What is shown: `shown`. How strongly an item is linked, in one word: `strength`. Two
signals, each meaning one thing. The *score* is the probability that this pair alone reports
the same event (a model fitted on a labelled set). The *story* is the cluster the tree lists:
it weighs every pair among its articles, so it tells an event's coverage apart better than
one pair does (tests/data/related_eval.md), and it may hold an article whose own pair is weak
(a short wire that names no one, linked through the story's other reports) or a neighbouring
event it could not part (an inauguration and a guest's killing that night). The story goes
first; the score grades the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.store.coverage import RelatedItem

SAME_STORY = "same story"
LIKELY = "likely"
MAYBE = "maybe"
LIKELY_FROM = 0.5  # the pair alone more likely than not the same event


def listed_apart(says_why: bool, across: bool) -> bool:
    """Whether a link is listed outside the article's story: its reasons say why (a name, an
    event type or text both share: `Score.says_why`, stored with the link), or it joins two
    scripts. Within one script a link whose reasons are the time apart alone shares no name
    and no words (two unrelated reports of one feed an hour apart, 2%): it stays stored
    (stories weigh it) but is not listed. Out of sample (parts a-f, 3 seeds) such items were
    the same event 2 times in 36, all below 0.1; across scripts, where words cannot be
    compared and the link rests on the ids both name (states are not named in reasons), 12
    times in 27 (tests/data/related_eval.md)."""
    return says_why or across


def shown(item: RelatedItem) -> bool:
    """What a related list shows: any link inside the article's story, and `listed_apart`
    ones outside it."""
    return item.in_story or listed_apart(item.says_why, item.across)


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


def strength_said(item: RelatedItem) -> str:
    """`strength`, and for a story member whose own pair is weak, why it is one (`newsdesk
    related` prints this)."""
    word = strength(item)
    word = f"{word}, via its other articles" if word == SAME_STORY and item.score < \
        LIKELY_FROM else word
    return f"{word}, also linked to {item.shared} of its other reports" if item.shared >= 2 \
        else word
