# ruff: noqa: RUF001, RUF002  (Cyrillic script is the point here)
"""Pilot tests for what the status line and the actor dialogs say about gazetteer edits: a
refused name leaves nothing behind once its message fades (an "added" line stood for good), `a`
shows the spellings an actor goes by, a name spelt like a listed actor's is pointed out before
`+` or `L` makes a duplicate, and `-` lists what it would take back. Against a real demo cache."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Label, OptionList

from tests.test_app_support import SIZE, key_on_timeline, main, make_app, settle, status
from tui.app.screens.actor_dialogs import (
    ChoiceDialog,
    KnownSpellings,
    NewActorDialog,
    SpellingDialog,
    fit_spellings,
)
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.widgets.reader import Reader
from tui.app.widgets.reader_text import role_lines

SHOIGU = ("sergei-shoigu", "Sergei Shoigu")


def faded(app: Any) -> str:
    """The status line once the last message has faded (what its timer does)."""
    main(app).status_line.clear_message()
    return status(app)


def verdict(app: Any) -> str:
    note = app.screen.query_one("#name-verdict", Label)
    return str(note.render()) if note.display else ""


def answers(app: Any) -> list[str]:
    options = app.screen.query_one("#choice-list", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_a_refused_alias_fades_to_nothing(demo_desk) -> None:
    """`a` Putin on Shoigu: refused, and once the refusal fades the line is blank, never
    "alias 'Putin' added to Sergei Shoigu" (the job's standing line outlived it)."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "a", SHOIGU)
        await pilot.press(*"Putin", "enter")
        await settle(pilot)
        assert "Putin is already a name of Vladimir Putin" in verdict(app)
        await pilot.press("escape")
        await settle(pilot)
        said = faded(app)
        assert "added" not in said and "Putin" not in said, said
        # the edit refused where it is written (the check the dialog made, made again)
        main(app).jobs.reanalyse("alias 'Putin' added to Sergei Shoigu",
                                 lambda: desk.add_actor_alias("sergei-shoigu", "Putin"),
                                 doing="adding 'Putin' to Sergei Shoigu")
        await settle(pilot)
        assert "nothing added" in status(app)
        said = faded(app)
        assert "added" not in said and "Putin" not in said, said
        assert not config.actors_path.exists()


async def test_a_shows_the_spellings_an_actor_goes_by(demo_desk) -> None:
    desk, config = demo_desk
    shoigu = desk.actor("sergei-shoigu")
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "a", SHOIGU)
        assert isinstance(app.screen, SpellingDialog)
        known = app.screen.query_one(KnownSpellings)
        assert {*shoigu.aliases, *shoigu.surnames} <= set(known.names)
        shown = str(known.render())
        assert shown.startswith("known as: Sergei Shoigu ·") and "Шойгу" in shown, shown


def test_spellings_fit_their_rows() -> None:
    names = [f"Name Number{n}" for n in range(40)]
    rows = fit_spellings(names, 40, rows=3)
    assert len(rows) == 3 and all(len(row) <= 40 for row in rows)
    assert rows[0].startswith("known as: Name Number0 ·") and rows[-1].endswith(" more")
    assert fit_spellings(["A", "B"], 40) == ["known as: A · B"]


async def test_plus_points_out_a_name_spelt_like_a_listed_one(demo_desk) -> None:
    """"Vladimir Patin" is Vladimir Putin's name but for a vowel: said first; a second enter
    goes on to the kind."""
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"Vladimir Patin", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NewActorDialog)
        said = verdict(app)
        assert "spelt like Vladimir Putin, a name of Vladimir Putin (vladimir-putin)" in said
        assert "enter again" in said
        assert app.screen.focused is app.screen.query_one("#dialog-input", Input)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#kind-list", OptionList)
        assert verdict(app) == ""


async def test_L_on_a_name_spelt_like_a_listed_one_asks_whose_it_is(demo_desk) -> None:
    """"Абу Мухаммад аль-Джулани" is found whole (not "Абу Мухаммад"), said to be spelt like
    Ahmed al-Sharaa's "Абу Мухаммед аль-Джулани", and `L` offers to add it as his spelling."""
    desk, config = demo_desk
    [target] = desk.ids('"Абу Мухаммад аль-Джулани"')
    unlisted = [a for a in desk.actors_of(target) if not a.listed]
    assert [a.name for a in unlisted] == ["Абу Мухаммад аль-Джулани"]
    assert unlisted[0].spelt_like == ("ahmed-al-sharaa", "Ahmed al-Sharaa",
                                      "Абу Мухаммед аль-Джулани")
    assert "not listed: Абу Мухаммад аль-Джулани (spelt like Ahmed al-Sharaa's Абу Мухаммед " \
        "аль-Джулани)  (L adds one in the actors panel, key 4)" in role_lines(desk.article(target), unlisted)
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        main(app).open_article(target)
        await pilot.pause()
        side = app.screen.query_one(Reader).side
        at = next(n for n, a in enumerate(side.actors) if not a.listed)
        assert "like Ahmed al-Sharaa" in str(side.actor_list.get_option_at_index(at).prompt)
        await pilot.press("tab", "tab")
        assert app.focused is side.actor_list
        side.actor_list.highlighted = at
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert answers(app) == ["another spelling of Ahmed al-Sharaa",
                                "a new person, Абу Мухаммад аль-Джулани"]
        await pilot.press("enter")
        await settle(pilot)
        assert "Абу Мухаммад аль-Джулани" in desk.actor("ahmed-al-sharaa").aliases
        assert "alias 'Абу Мухаммад аль-Джулани' added to Ahmed al-Sharaa" in status(app)
        assert not [a for a in desk.actors_of(target) if not a.listed]


async def test_minus_lists_the_users_additions_and_says_what_went(demo_desk) -> None:
    """Two spellings added to Shoigu: `-` lists each and both; one picked goes alone, and the
    message names it ("alias ... removed from Sergei Shoigu", not "Sergei Shoigu forgotten")."""
    desk, config = demo_desk
    desk.add_actor_alias("sergei-shoigu", "Shoygoo")
    desk.add_actor_alias("sergei-shoigu", "Shoyguu")
    desk.analyse_pending()  # matched, as the app's `a` does (else the reader would at start)
    app = make_app(desk, config)
    async with app.run_test(size=SIZE) as pilot:
        await key_on_timeline(pilot, app, "minus", SHOIGU)
        assert isinstance(app.screen, ChoiceDialog)
        assert answers(app) == ["alias 'Shoygoo'", "alias 'Shoyguu'", "all 2 aliases"]
        await pilot.press("j", "enter")
        await settle(pilot)
        said = status(app)
        assert "alias 'Shoyguu' removed from Sergei Shoigu" in said, said
        assert "forgotten" not in said
        assert desk.actor("sergei-shoigu").aliases[-1] == "Shoygoo"
        assert "Shoyguu" not in desk.actor("sergei-shoigu").aliases
        await pilot.press("minus")  # one left: asked about by name
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "alias 'Shoygoo'" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert "alias 'Shoygoo' removed from Sergei Shoigu" in status(app)
        assert "Shoygoo" not in desk.actor("sergei-shoigu").aliases
        await pilot.press("minus")
        await pilot.pause()
        assert "comes with newsdesk" in status(app)  # the bundled actor stays, untouchable


async def test_arabic_spellings_keep_their_order_in_what_minus_says(demo_desk) -> None:
    """Two Arabic spellings of Shoigu taken back at once: the status line names them in the
    order they went, each in its quotes ("'شوايغو', 'شويجوو'" read as one right-to-left run,
    the two swapped and the quotes between them scrambled, before each was isolated)."""
    from tests.test_app_rtl_dialogs import drawn

    desk, config = demo_desk
    first, second = "شوايغو", "شويجوو"  # spellings the gazetteer lacks
    desk.add_actor_alias("sergei-shoigu", first)
    desk.add_actor_alias("sergei-shoigu", second)
    desk.analyse_pending()
    app = make_app(desk, config)
    async with app.run_test(size=(160, 40)) as pilot:
        await key_on_timeline(pilot, app, "minus", SHOIGU)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("j", "j", "enter")  # all 2 aliases
        await settle(pilot)
        said = status(app)
        assert f"2 aliases removed from Sergei Shoigu: '{drawn(first)}', '{drawn(second)}'" \
            in said, said


async def test_the_toast_for_a_new_arabic_actor_keeps_its_words_in_place(demo_desk) -> None:
    """`+` with an Arabic name: the toast that says where the actor is kept draws the name in
    visual order, set apart from the path and the key after it (it was sent as stored: the
    name's letters backwards, and a bidi terminal pulled the line around it)."""
    from tests.test_app_rtl_dialogs import drawn

    name = "سمير الحداد"  # a name the gazetteer lacks
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        app.screen.query_one("#dialog-input", Input).value = name
        await pilot.press("enter")
        await settle(pilot)
        assert verdict(app) == ""
        await pilot.press("enter")  # person
        toasts: list[str] = []
        for _ in range(400):  # looked for as it comes: it fades after 10 s, and matching
            await pilot.pause(0.05)  # every article again can take longer under load
            toasts = [n.message for n in app._notifications
                      if n.title == "Added to your actors"]
            if toasts:
                break
        assert toasts, status(app)
        # wrapped at the toast's width before it is reordered (a path may break anywhere)
        words = "".join(toasts[0].split())
        assert toasts[0].startswith(f"{drawn(name)} is kept in"), toasts[0]
        assert words.startswith("".join(f"{drawn(name)} is kept in {config.actors_path}; - "
                                        .split())), toasts[0]
        await settle(pilot)


async def test_the_not_listed_line_names_the_keys_that_show_the_panel_and_add(
        tmp_path) -> None:
    """At 80x24 the actors panel is hidden until asked for: the header's line on people not
    listed names the key that shows it as well as the one that adds, as the user mapped them."""
    from tests import test_app_support as support
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    path = support.copy_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + '\n[keys]\nlist_unlisted = "ctrl+l"\n',
                    encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        [target] = desk.ids('title:"three hostages freed"')
        app = make_app(desk, config)
        async with app.run_test(size=(80, 24)) as pilot:
            main(app).open_article(target)
            await settle(pilot)
            header = app.screen.query_one("#reader-header").content.plain
            assert "(ctrl+l adds one in the actors panel, key 4)" in " ".join(header.split())
