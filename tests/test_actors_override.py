"""A user's actors.toml entry for an actor the bundled gazetteer has extends it: the bundled
spellings (other scripts) keep matching, by the bundled id or by a new one of the same name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.matcher import Matcher

TEXT = ("Hezbollah said it fired. قال حزب الله إنه أطلق. Хезболла заявила об ударе. "  # noqa: RUF001
        "Hizbullah men were seen. Hizb Allah fighters too.")


@pytest.mark.parametrize("ident", ["hezbollah", "hizbollah-lb"])
def test_an_entry_named_as_a_bundled_actor_extends_it(tmp_path: Path, ident: str) -> None:
    user = tmp_path / "actors.toml"
    user.write_text(f'[[actor]]\nid = "{ident}"\nname = "Hezbollah"\nkind = "org"\n'
                    'aliases = ["Hizb Allah"]\n', encoding="utf-8")
    gazetteer = load_gazetteer(user)
    assert [a.id for a in gazetteer.actors.values() if a.name == "Hezbollah"] == ["hezbollah"]
    aliases = gazetteer.actors["hezbollah"].aliases
    assert {"Hizb Allah", "حزب الله", "Хезболла", "Hizbullah"} <= set(aliases)
    assert gazetteer.resolve(ident) == ["hezbollah"]
    found = [m.actor_id for m in Matcher(gazetteer).match("", TEXT)]
    assert found == ["hezbollah"] * 5


def test_an_entry_of_another_kind_stays_its_own_actor(tmp_path: Path) -> None:
    user = tmp_path / "actors.toml"
    user.write_text('[[actor]]\nid = "hezbollah-band"\nname = "Hezbollah"\nkind = "media"\n',
                    encoding="utf-8")
    gazetteer = load_gazetteer(user)
    assert gazetteer.actors["hezbollah-band"].kind == "media"
    assert "حزب الله" in gazetteer.actors["hezbollah"].aliases
