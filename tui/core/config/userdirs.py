"""The user's own folders (config, cache, data), as platformdirs finds them, or one clear error.

Cron and service managers may start newsdesk with HOME unset: the account's home folder from
the password database is used then, as Python's `expanduser` and newsboat do, and the first run
says that is where it wrote the config. An account with no home folder at all (a container's
uid that no passwd line names) is a config error that says what to set: not a traceback, nor a
`~` folder made in the current one (older platformdirs left `~/.config/...` unexpanded).
"""

from __future__ import annotations

import os

from tui.core.toml_lines import ConfigError

TYPE_CHECKING = False
if TYPE_CHECKING:  # every command calls `forget_unusable_home`; few need a folder
    from pathlib import Path

APP_NAME = "newsdesk"
_UNUSABLE_HOME: list[str] = []  # what HOME was when `forget_unusable_home` took it away


def forget_unusable_home() -> None:
    """HOME set but empty or relative (`HOME= newsdesk`, a service file's `HOME=`) is taken
    as unset, once at start: else `~` is `/` for Python (an export offered as
    `/newsdesk-all.md`, newsboat's list looked for in `/.newsboat`) and a relative one puts
    the cache in the current folder. Unset, every part finds the account's home folder from
    the password database, as it does under `env -i`."""
    home = os.environ.get("HOME")
    if home is not None and not os.path.isabs(home):
        _UNUSABLE_HOME.append(home)
        del os.environ["HOME"]


def no_home_said() -> str:
    """'HOME is not set', or what it was set to when it was taken as unset."""
    if not _UNUSABLE_HOME:
        return "HOME is not set"
    home = _UNUSABLE_HOME[-1]
    return "HOME is empty" if not home.strip() else f"HOME ({home!r}) is not an absolute path"


def user_dir(kind: str) -> Path:
    """newsdesk's folder of `kind` ("config", "cache" or "data"): ~/.config/newsdesk...
    Raises ConfigError when there is no home folder to put it in."""
    from pathlib import Path

    import platformdirs

    finder = {"config": platformdirs.user_config_dir, "cache": platformdirs.user_cache_dir,
              "data": platformdirs.user_data_dir}[kind]
    try:
        found = finder(APP_NAME)
    except RuntimeError:  # platformdirs 4.4+: no home folder to expand `~` with
        found = ""
    if not os.path.isabs(found):
        instead = ("newsdesk demo --dir DIR" if kind == "data" else
                   "--config FILE with a cache_dir in its [settings]")
        raise ConfigError(f"no home folder: {no_home_said()} and the account has none; set "
                          f"HOME (or XDG_{kind.upper()}_HOME), or name the folders: {instead}")
    return Path(found)


def home_from_passwd(kind: str) -> bool:
    """Whether the folder of `kind` lies in the account's home folder found without HOME
    (from the password database): a first run says so, as it is not where a user looks."""
    def given(name: str) -> bool:
        return os.path.isabs(os.environ.get(name, ""))

    return not given("HOME") and not given(f"XDG_{kind.upper()}_HOME")
