"""Teaching the gazetteer from the reader: `a` another spelling of the actor in hand, `+` a new
actor, `L` the highlighted person not listed, `-` taking back what the user added.

Each names exactly what it will write or take back before it does (a name another actor goes
by is refused in the dialog, one spelt like a listed actor's is pointed out, `-` lists the
user's additions to pick from), then hands the edit and the re-match of every article to
`Jobs`; what the status line says afterwards is what was written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.said import Give, Hint, Said
from tui.app.screens.actor_dialogs import (
    ChoiceDialog,
    NameCheck,
    NewActorDialog,
    SpellingDialog,
    Verdict,
)
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.host import Host
from tui.core.visual import isolated
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.app.screens.jobs import Jobs
    from tui.core.models import ArticleActor

_ALIAS = "alias:"  # answer ids of the `-` dialog: one alias, or everything
_ALL = "all"


def said(text: str) -> str:
    """A quoted name or spelling in a message, bidi-isolated as titles and feed names are: an
    Arabic or Hebrew one must not pull its neighbours (another alias, a count) into its run."""
    return isolated(repr(text))


_WHERE = Hint(" (in the actors pane or the tree)", " (actors pane or tree)")
"""Where an actor is chosen, said after "choose an actor first": whole at 80 columns."""


class Teaching:
    """The gazetteer edits of the main screen."""

    def __init__(self, host: Host, jobs: Jobs) -> None:
        self.host = host
        self.jobs = jobs

    def selected_actor(self) -> tuple[str, str] | None:
        """(id, name): the actor highlighted in the side panel, else the actor whose
        timeline is shown."""
        host = self.host
        if host.reader.is_open:
            actor = host.reader.side.selected_actor
            if actor is not None:
                return actor.id, actor.name
        if host.view.kind == "actor" and host.view.ref:
            known = host.desk.actor(host.view.ref)
            return host.view.ref, known.name if known else host.view.ref
        return None

    def _unlisted_in_hand(self) -> ArticleActor | None:
        side = self.host.reader.side if self.host.reader.is_open else None
        actor = side.selected_actor if side is not None else None
        return actor if actor is not None and not actor.listed else None

    # -- checks before anything is written ---------------------------------------------------
    def _warm(self) -> None:
        """Load the gazetteer and build the name indexes off the UI thread while the user
        types (~1 s under load)."""
        desk = self.host.desk

        def build() -> None:
            from tui.core.actors.owners import refusal, spelt_alike

            refusal(desk.gazetteer, "newsdesk")
            spelt_alike(desk.gazetteer, "newsdesk")

        self.host.in_thread(build, "names")

    def _check(self, actor_id: str | None) -> NameCheck:
        """Refuse a name another actor goes by (its line in the side panel is highlighted
        behind the dialog); point out one spelt like a listed actor's name."""
        desk = self.host.desk

        def check(name: str) -> Verdict | None:
            from tui.core.actors.owners import refusal, spelt_alike

            gazetteer = desk.gazetteer
            taken = refusal(gazetteer, name, actor_id)
            if taken is not None:
                self._point_to(taken.owners[0])
                return Verdict(f"{taken}; nothing added (type another name, or esc)", True)
            alike = [(a, form) for a, form in spelt_alike(gazetteer, name) if a.id != actor_id]
            if not alike:
                return None
            actor, form = alike[0]
            self._point_to(actor.id)
            owner = isolated(actor.name)
            how = "" if actor_id else f"; a on {owner} adds it as a spelling"
            return Verdict(f"{isolated(name)} is spelt like {isolated(form)}, a name of {owner} "
                           f"({actor.id}){how}", False)

        return check

    def _point_to(self, actor_id: str) -> bool:
        side = self.host.reader.side if self.host.reader.is_open else None
        return side is not None and side.highlight_actor(actor_id)

    # -- the commands -----------------------------------------------------------------------
    def add_alias(self) -> None:
        chosen = self.selected_actor()
        if chosen is None:
            self.host.say(Said("choose an actor first", _WHERE))
            return
        actor_id, name = chosen[0], isolated(chosen[1])
        if self._unlisted_in_hand() is not None:
            key = self.host.key  # the name is in sight in the panel: it gives way first
            self.host.say(Said(Give(name), f" is not listed: {key('list_unlisted')} lists "
                               f"them, then {key('actor_alias')} adds spellings"))
            return
        desk, known = self.host.desk, self.host.desk.actor(actor_id)
        spellings = [*known.full_forms(), *known.acronyms, *known.surnames] if known else []

        def done(alias: str | None) -> None:
            if alias:
                self.jobs.reanalyse(f"alias {said(alias)} added to {name}",
                                    lambda: desk.add_actor_alias(actor_id, alias),
                                    doing=f"adding {said(alias)} to {name}")

        self._warm()
        self.host.app.push_screen(SpellingDialog(
            f"Alias for {name}", f"Another spelling of {name} ({actor_id}); every article is "
            "matched again.", list(dict.fromkeys(spellings)), self._check(actor_id)), done)

    def new_actor(self) -> None:
        desk = self.host.desk

        def done(answer: tuple[str, str] | None) -> None:
            if answer:
                name, kind = answer
                self.jobs.reanalyse(f"actor {said(name)} ({kind}) added",
                                    lambda: desk.add_actor(name, kind),
                                    doing=f"adding actor {said(name)}",
                                    then=lambda: self._kept_in_file(name))

        self._warm()
        self.host.app.push_screen(NewActorDialog(self._check(None),
                                                 self.host.key("actor_alias")), done)

    def list_unlisted(self) -> None:
        """The highlighted person the gazetteer lacks goes into the user's actors.toml, with
        the kind and what the article called them as the description; a name spelt like a
        listed actor's asks first whether it is that actor's spelling."""
        actor = self._unlisted_in_hand()
        if actor is None:
            there = self.host.key("focus_actors")  # whole at 80 columns (it lost its tail)
            self.host.say(Said("highlight a 'not listed' person among the actors",
                               Hint(f" ({there} goes there)", f" ({there})")))
            return
        if actor.spelt_like is None:
            self._list_new(actor)
            return
        owner_id, owner, form = actor.spelt_like
        owner, form, named = isolated(owner), isolated(form), isolated(actor.name)
        desk = self.host.desk

        def done(answer: str | None) -> None:
            if answer == "spelling":
                self.jobs.reanalyse(f"alias {said(actor.name)} added to {owner}",
                                    lambda: desk.add_actor_alias(owner_id, actor.name),
                                    doing=f"adding {said(actor.name)} to {owner}")
            elif answer == "new":
                self._list_new(actor)
            else:
                self.host.say(f"{named} not added")

        self.host.app.push_screen(ChoiceDialog(
            f"List {named}", f"{named} is spelt like {form}, a name of {owner} "
            f"({owner_id}). Add it as:", [("spelling", f"another spelling of {owner}"),
                                          ("new", f"a new person, {named}")]), done)

    def _list_new(self, actor: ArticleActor) -> None:
        article = self.host.reader.article
        where = f"named in {article.feed}, {article.published:%Y-%m-%d}" if article else ""
        description = "; ".join(part for part in (actor.description, where) if part)
        desk = self.host.desk
        named = isolated(actor.name)
        self.jobs.reanalyse(f"{named} added to your actors",
                            lambda: desk.add_actor(actor.name, actor.kind, description),
                            doing=f"adding {named}",
                            then=lambda: self._kept_in_file(actor.name))

    def forget_actor(self) -> None:
        """Take back what the user added for an actor (`L`, `+` and `a` write to actors.toml,
        and a wrong one would otherwise stay for good): the additions are listed, one or all
        picked (a single one is asked about by name)."""
        chosen = self.selected_actor()
        if chosen is None:
            self.host.say(Said("choose an actor you added first", _WHERE))
            return
        from tui.core.actors.edits import added_ids, additions

        actor_id, name = chosen[0], isolated(chosen[1])
        path, same_as = self.host.config.actors_path, self.host.desk.gazetteer.same_as
        if actor_id not in added_ids(path, same_as):
            lists = f" ({self.host.key('list_unlisted')} lists them)"  # short as it is
            # the name is in sight (the panel, the tree): it gives way, the verdict stays
            self.host.say(Said(Give(name), " is not listed", Hint(lists, lists))
                          if self._unlisted_in_hand()
                          else Said(Give(name), " comes with newsdesk", Hint(
                              ": only actors and spellings you added can be forgotten",
                              ": it can't be forgotten")))  # at 80 columns: the name stays
            return
        own, aliases = additions(path, actor_id, same_as)
        answers = forget_answers(name, own, aliases)

        def done(answer: str | None) -> None:
            if answer is None:
                self.host.say(f"{name} kept")
                return
            alias = answer.removeprefix(_ALIAS) if answer.startswith(_ALIAS) else None
            what, doing = forgotten(name, own, aliases, alias)
            self.jobs.reanalyse(what, lambda: self.host.desk.forget_actor(actor_id, alias),
                                doing=doing)

        where = f"from {path}, then match every article again"
        if len(answers) == 1:
            key, label = answers[0]
            self.host.app.push_screen(ConfirmDialog(
                f"Forget {name}", f"Remove {label} ({actor_id}) {where}?"),
                lambda yes: done(key if yes else None))
        else:
            self.host.app.push_screen(ChoiceDialog(
                f"Forget {name}", f"What you added for {name} ({actor_id}): pick what to "
                f"remove {where}.", answers), done)

    def _kept_in_file(self, name: str) -> None:
        """Where a new actor lives, and how to take it back."""
        forget = self.host.key("forget_actor")
        self.host.app.notify(f"{isolated(name)} is kept in {self.host.config.actors_path}; "
                             f"{forget} (forget actor) on it takes it back",
                             title="Added to your actors",
                             timeout=10)


def forget_answers(name: str, own: bool, aliases: list[str]) -> list[tuple[str, str]]:
    """What `-` offers: the user's own actor (with its spellings), each spelling the user
    added, and all of them when there are several."""
    answers = [(f"{_ALIAS}{alias}", f"alias {said(alias)}") for alias in aliases]
    if own:
        with_them = f", with {counted(len(aliases), 'spelling')} you gave it" if aliases else ""
        return [(_ALL, f"{name}, the actor you added{with_them}"), *answers]
    if len(aliases) > 1:
        answers.append((_ALL, f"all {len(aliases)} aliases"))
    return answers or [(_ALL, f"what your actors.toml says of {name}")]


def forgotten(name: str, own: bool, aliases: list[str], alias: str | None) -> tuple[str, str]:
    """(what the status line says once done, what it says meanwhile): exactly what went."""
    if alias is not None:
        return f"alias {said(alias)} removed from {name}", f"removing {said(alias)} from {name}"
    if own:
        return f"{name} forgotten (you had added it)", f"forgetting {name}"
    if aliases:
        listed = ", ".join(said(a) for a in aliases)
        return (f"{counted(len(aliases), 'alias', 'aliases')} removed from {name}: {listed}",
                f"removing your spellings of {name}")
    return f"your changes to {name} removed", f"removing your changes to {name}"
