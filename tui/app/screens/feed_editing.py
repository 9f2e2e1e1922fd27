"""Adding a feed (`i`) and removing one (`X`) from the reader, as `newsdesk add-feed` and
`remove-feed` do: feeds.toml is edited as text (its comments stay) in a worker thread, then
read back and put in use as `R`'s re-read puts it (`use_config`), so the tree shows the feed
at once and the file watch, seeing the file changed, finds nothing new to add.

A feed added is fetched at once, with the refresh's progress on the status line. A feed
removed leaves its articles in the cache, as one deleted from the file by hand: the
confirmation says how many it holds, that saved and tagged ones stay, and how to dismiss
the unread rest now.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.app.messages import OpenView
from tui.app.said import Hint, Said
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.feed_dialogs import AddFeedDialog
from tui.app.screens.feeds import FeedsScreen
from tui.app.screens.host import Host, guarded
from tui.app.views import feed_view
from tui.core.config.feed_edits import FeedEditError, NewFeed, new_feed
from tui.core.config.loader import Config, ConfigError, load_config
from tui.core.config.userfiles import UserFileError
from tui.core.query.parse import removed_feed_query
from tui.core.words import counted
from tui.demo.config import demo_not_served

if TYPE_CHECKING:
    from tui.app.screens.jobs import Jobs
    from tui.core.store.holdings import Holdings


class FeedEditing:
    """The two commands and their workers."""

    def __init__(self, host: Host, use_config: Callable[[Config], object], jobs: Jobs,
                 to_top: Callable[[], None]) -> None:
        self.host = host
        self.use_config = use_config
        """Puts feeds.toml as read back in use, as R's re-read does (`Follow.use`)."""
        self.jobs = jobs
        self.to_top = to_top
        """Lists All: the view of a feed just removed lists nothing of its own any more."""

    def warn(self, message: str) -> None:
        self.host.warn(message)

    def _can_edit(self) -> bool:
        host = self.host
        if host.config.path is None:
            host.say("no feeds.toml to edit (start newsdesk with --config FILE)")
            return False
        if host.desk.read_only:
            host.say("not done: the cache is read-only (a feed added could not be fetched)")
            return False
        return True

    # -- adding ------------------------------------------------------------------------------
    def add_feed(self) -> None:
        if not self._can_edit():
            return
        host = self.host

        def check(url: str, name: str, tags: list[str]) -> NewFeed:
            return new_feed(host.desk.config, url, name, tags)  # the names the tree shows

        host.app.push_screen(AddFeedDialog(check, str(host.config.path)), self._add)

    def _add(self, feed: NewFeed | None) -> None:
        if feed is None:
            return
        host = self.host
        host.say(f"adding {feed.url} to feeds.toml…")
        self._edit_in_thread(lambda: host.desk.add_feed(feed), "feed not added",
                             lambda fresh: self._added(feed, fresh))

    def _added(self, feed: NewFeed, fresh: Config) -> None:
        host = self.host
        self.use_config(fresh)
        name = next((f.name for f in host.desk.config.feeds if f.url == feed.url), feed.url)
        if self.jobs.busy is not None:  # a refresh started before the feed was there
            host.say(f"added {name} to feeds.toml; {host.key('refresh_feed')} on it fetches it "
                     "once the "
                     f"{self.jobs.busy} running ends")
            return
        host.say(f"added {name} to feeds.toml; fetching it…")
        self.jobs.refresh_named(name)

    # -- the feeds dialog (`e`) ---------------------------------------------------------------
    @guarded
    def feed_errors(self) -> None:
        host = self.host
        feeds, config = list(host.desk.feeds()), host.desk.config
        demo = demo_not_served(config.path, (f.url for f in config.feeds),
                               (f.last_error or "" for f in feeds if f.failures))
        host.app.push_screen(FeedsScreen(feeds, note=demo, where=config.path,
                                         edit=self.from_feed_list, key=host.key),
                             self._feed_chosen)

    def _feed_chosen(self, name: str | None) -> None:
        """`enter` in the feeds dialog: that feed's articles, as choosing it in the tree."""
        if name is not None:
            view = feed_view(name)
            self.host.view_tree.select_view(view)
            self.host.view_tree.post_message(OpenView(view))

    # -- removing ----------------------------------------------------------------------------
    def chosen_feed(self) -> str | None:
        """The feed under the tree's cursor when the tree has the focus, else the feed listed."""
        host = self.host
        feed = host.view_tree.highlighted_feed if host.focused is host.view_tree else None
        return feed or host.view.feed

    def from_feed_list(self, what: str, name: str | None) -> None:
        """`i` or `X` in the feeds dialog (`e`): X on the feed under its cursor."""
        if what == "add":
            self.add_feed()
        else:
            self.remove_feed(name)

    @guarded
    def remove_feed(self, name: str | None = None) -> None:
        """The feed `name`, else the one under the tree's cursor or listed (`chosen_feed`)."""
        if not self._can_edit():
            return
        host = self.host
        name = name or self.chosen_feed()
        feed = host.desk.config.feed_named(name) if name else None
        if feed is None:
            host.say(f"no feed chosen: put the tree's cursor on one ({host.key('focus_views')})"
                     " or list one")  # whole at 80 columns: the key just pressed goes unsaid
            return
        held = host.desk.holdings(feed.url)
        left = tuple(other.name for other in host.desk.config.feeds if other.url != feed.url)
        host.app.push_screen(
            ConfirmDialog("Remove a feed", removal_question(feed.name, feed.url, held,
                                                            host.config.settings.keep_days,
                                                            left)),
            lambda yes: self._remove(feed.name) if yes else host.say("nothing removed"))

    def _remove(self, name: str) -> None:
        self._edit_in_thread(lambda: self.host.desk.remove_feed(name), "feed not removed",
                             lambda fresh: self._removed(name, fresh))

    def _edit_in_thread(self, edit: Callable[[], object], failed: str,
                        done: Callable[[Config], None]) -> None:
        """Run a feeds.toml edit in a worker thread (the file is written, checked and read
        back), then `done` with the new config on the UI thread; a failure is said, never fatal."""
        host = self.host
        call = host.app.call_from_thread

        def work() -> None:
            try:
                edit()
                fresh = load_config(host.config.path) if host.config.path else None
            except (FeedEditError, ConfigError, UserFileError) as error:
                call(host.warn, f"{failed}: {error}")
                return
            except Exception as error:  # storage trouble: said, never fatal
                call(host.warn, f"{failed}: storage error: {error}")
                return
            if fresh is not None:
                call(done, fresh)

        host.in_thread(work, "feed-edit")

    def _removed(self, name: str, fresh: Config) -> None:
        host = self.host
        listed = host.view.feed == name
        self.use_config(fresh)
        if listed:
            self.to_top()
        query = f"{host.key('filter')} " + removed_feed_query(
            name, tuple(feed.name for feed in fresh.feeds))
        # whole at 80 columns: "...; its articles stay in All (f feed:"…" lists them)" lost
        # its tail there. The name is in sight nowhere else now: the hint gives way first.
        host.say(Said("removed ", name, "; articles stay",
                      Hint(f" in All ({query} lists them)", f" ({query})")))


def removal_question(name: str, url: str, held: Holdings, keep_days: int,
                     left: tuple[str, ...] = ()) -> str:
    """What `X` asks: the feed, how many articles it holds, and what becomes of them (`left`:
    the feeds that stay, which the dismiss query leaves out)."""
    lines = [f"Take {name} ({url}) out of feeds.toml?"]
    if not held.articles:
        lines.append("It has no articles in the cache.")
    else:
        one = held.articles == 1  # "It stays ... prunes it", not "They stay ... them"
        until = "for good (keep_days = 0)" if keep_days <= 0 else \
            f"until keep_days ({keep_days}) prunes {'it' if one else 'them'}"
        lines.append(f"It holds {counted(held.articles, 'article')} ({held.unread} unread). "
                     f"{'It stays' if one else 'They stay'} in All and searches {until}.")
        stay = "stays" if held.kept == 1 else "stay"
        kept = (f"The {held.kept} saved or tagged {stay} for good" if held.kept else
                "Saved and tagged articles always stay")
        lines.append(kept + (f"; {held.shared} listed under another feed too "
                             f"stay{'s' if held.shared == 1 else ''} listed there."
                             if held.shared else "."))
        if held.unread:  # the rest need not wait for keep_days in Unread (remove-feed says so)
            lines.append("To take its unread ones out of Unread now: newsdesk dismiss --query "
                         + shlex.quote(removed_feed_query(name, left)))
    return "\n".join(lines)
