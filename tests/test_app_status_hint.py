"""The reader's hint at the right of the status line ("end · space: next unread") beside a
message of any length: whole, in a short form that still says what the key does, or not at
all; never cut to a bare "end" that says nothing."""

from __future__ import annotations

from tests.test_app_support import main, make_app, settle, status

LONG = "end · space: next unread"
SHORT = "space: next unread"


async def test_a_long_message_never_leaves_a_bare_end(demo_desk) -> None:
    desk, config = demo_desk
    app = make_app(desk, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "G")
        await settle(pilot)
        assert status(app).rstrip().endswith(LONG), status(app)
        forms = set()
        for length in range(10, 80, 3):
            main(app).status_line.say("m" * (length - 1) + "!")
            await pilot.pause()
            line = status(app).rstrip()
            tail = line.rsplit("!", 1)[1].strip() if "!" in line else line
            assert tail in ("", LONG, SHORT), (length, line)
            forms.add(tail)
        assert forms == {"", LONG, SHORT}  # each of the three at some length
