"""Choosing what `o` runs: newsboat's `browser` setting, $BROWSER, a console fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.browser import Launch, command, plan, web_link

URL = "https://example.org/a?b=1&c=two words"


def test_setting_is_split_without_a_shell_and_takes_the_link() -> None:
    assert command("lynx %u", URL) == ("lynx", URL)
    assert command("w3m", URL) == ("w3m", URL)  # no %u: appended
    assert command("'my browser' --x=%u -y", URL) == ("my browser", f"--x={URL}", "-y")
    assert command("lynx %u; rm -rf ~", URL) == ("lynx", URL + ";", "rm", "-rf", "~")


@pytest.mark.parametrize(("setting", "env", "platform", "console"), [
    ("lynx %u", {"DISPLAY": ":0"}, "linux", True),  # a console browser, whatever the display
    ("/usr/bin/w3m -o x %u", {}, "linux", True),
    ("firefox %u", {"DISPLAY": ":0"}, "linux", False),  # graphical: the background
    ("firefox %u", {"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ("firefox %u", {}, "linux", True),  # no display: it gets the terminal, its error is seen
    ("open %u", {}, "darwin", False),
])
def test_console_rule(setting: str, env: dict[str, str], platform: str, console: bool) -> None:
    launch = plan(URL, setting, env, platform)
    assert launch is not None and launch.console is console


def test_a_setting_without_a_program_is_refused() -> None:
    with pytest.raises(ValueError):
        plan(URL, "%u", {}, "linux")
    with pytest.raises(ValueError):
        plan(URL, "lynx 'unclosed", {}, "linux")


def test_browser_variable_then_console_fallback_then_nothing(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = {"PATH": str(bin_dir)}
    assert plan(URL, "", env, "linux") is None  # nothing at all: the app offers y
    w3m = bin_dir / "w3m"
    w3m.write_text("#!/bin/sh\n")
    w3m.chmod(0o755)
    assert plan(URL, "", env, "linux") == Launch((str(w3m), URL), True)
    env["BROWSER"] = "not-installed %s:w3m -N %s"  # the first one found is used
    assert plan(URL, "", env, "linux") == Launch(("w3m", "-N", URL), True)


def test_only_web_links_are_opened() -> None:
    assert web_link("https://x.org/") and web_link("HTTP://x.org/")
    assert not web_link("javascript:alert(1)") and not web_link("file:///etc/passwd")
    assert not web_link("-oProxyCommand=x") and not web_link(None)


def test_browser_setting_in_feeds_toml() -> None:
    from tui.core.config.loader import ConfigError, parse_config

    assert parse_config({"settings": {"browser": "w3m %u"}}).settings.browser == "w3m %u"
    assert parse_config({}).settings.browser == ""
    with pytest.raises(ConfigError, match="browser must be a string"):
        parse_config({"settings": {"browser": ["lynx"]}})
