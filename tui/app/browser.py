"""Which browser `o` runs, and whether it needs the terminal (no Textual here: plain choices).

As in newsboat, `browser` in [settings] is a command with `%u` for the link (appended when
absent); it runs without a shell, split with shlex, so a link is always one argument. Without
the setting, `$BROWSER` (`%s` for the link) is tried, then the system's default browser.

A console browser needs the terminal the app is drawing on: it runs in the foreground with
the app suspended, and the screen is redrawn when it exits. The rule: a command whose program
is a known console browser, or any command when there is no graphical display (no DISPLAY or
WAYLAND_DISPLAY, and not macOS or Windows: a graphical browser could not open a window, and
its complaint is then seen rather than lost). Anything else starts in the background.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import webbrowser
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

CONSOLE = frozenset({"lynx", "w3m", "elinks", "links", "links2", "www-browser", "browsh",
                     "carbonyl", "cha", "chawan", "edbrowse"})
# Looked for when nothing else is set and there is no display (Debian's alternative first).
FALLBACK = ("www-browser", "w3m", "lynx", "elinks", "links")


@dataclass(frozen=True, slots=True)
class Launch:
    """`argv` to run (None: hand the link to Python's webbrowser); `console`: needs the tty."""

    argv: tuple[str, ...] | None
    console: bool


def web_link(url: str | None) -> bool:
    """Only http(s) links are handed to a browser (a feed's link is untrusted text)."""
    return bool(url) and urlsplit(url or "").scheme.lower() in ("http", "https")


def graphical(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    return platform in ("darwin", "win32") or bool(
        env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def command(template: str, url: str, placeholder: str = "%u") -> tuple[str, ...]:
    """`lynx %u` -> ("lynx", url); the link replaces the placeholder or is appended."""
    parts = shlex.split(template)
    if any(placeholder in part for part in parts):
        return tuple(part.replace(placeholder, url) for part in parts)
    return (*parts, url)


def is_console(argv: tuple[str, ...], env: Mapping[str, str], platform: str) -> bool:
    return os.path.basename(argv[0]) in CONSOLE or not graphical(env, platform)


def plan(url: str, setting: str, env: Mapping[str, str] | None = None,
         platform: str = sys.platform) -> Launch | None:
    """How to open `url`; None when there is no browser at all. Raises ValueError for a
    `browser` setting that shlex cannot split (an unclosed quote)."""
    env = os.environ if env is None else env
    if setting.strip():
        if "%u" in shlex.split(setting)[0]:
            raise ValueError("it must start with the program to run")
        argv = command(setting, url)
        return Launch(argv, is_console(argv, env, platform))
    for entry in (env.get("BROWSER") or "").split(os.pathsep):
        if entry.strip():
            argv = command(entry, url, "%s")
            if shutil.which(argv[0], path=env.get("PATH")):
                return Launch(argv, is_console(argv, env, platform))
    if graphical(env, platform):
        return _system_default(url)
    for name in FALLBACK:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return Launch((found, url), True)
    return None


def unfound(env: Mapping[str, str] | None = None) -> str:
    """What `$BROWSER` named that is not installed (a typo, a program since removed), in a
    few words for "no browser found": it said only that, and the user who had set it was
    left to guess why it was passed over. "" when it is unset."""
    env = os.environ if env is None else env
    names = [entry.split()[0] for entry in (env.get("BROWSER") or "").split(os.pathsep)
             if entry.strip()]
    gone = [name for name in names if not shutil.which(name, path=env.get("PATH"))]
    return f"$BROWSER's {', '.join(repr(name) for name in gone)} not installed; " if gone else ""


def missing(argv: tuple[str, ...], env: Mapping[str, str] | None = None) -> str | None:
    """The program of `argv` when it cannot be run (not on the PATH, or no such file), else
    None. Checked before the app hands over the terminal, so a mistyped or uninstalled
    `browser` is a message, not a suspended screen."""
    env = os.environ if env is None else env
    if shutil.which(argv[0], path=env.get("PATH")):
        return None
    return argv[0]


def _system_default(url: str) -> Launch | None:
    """Python's choice, unless that is a console browser it would run behind the app's back."""
    try:
        chosen = webbrowser.get()
    except webbrowser.Error:
        return None
    if isinstance(chosen, webbrowser.GenericBrowser) and not isinstance(
            chosen, webbrowser.BackgroundBrowser):
        argv = (chosen.name, *(arg.replace("%s", url) for arg in chosen.args))
        return Launch(argv, True)
    return Launch(None, False)
