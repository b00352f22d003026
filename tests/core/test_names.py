"""Look-alike names: invisible characters never make a new person; other scripts' letters
that pass for Latin ones are flagged before a new entry is made."""

from __future__ import annotations

import pytest

from deskapp.core.names import clean_name
from deskapp.core.registry import Entity, Registry

LAPO = Entity("Amanda Lapo", ("Lapo",), "defense and military analyst at the IISS", id="lapo")

SAME_NAME = {
    "zero-width space": "Aman\u200bda Lapo",
    "zero-width joiner": "Amanda\u200d Lapo",
    "word joiner": "Amanda La\u2060po",
    "soft hyphen": "Amanda La\u00adpo",
    "right-to-left override": "\u202eAmanda Lapo\u202c",
    "left-to-right mark": "Amanda\u200e Lapo",
    "fullwidth letters": "Ａｍａｎｄａ Ｌａｐｏ",
    "no-break space": "Amanda\u00a0Lapo",
    "byte order mark": "\ufeffAmanda Lapo",
}
LOOK_ALIKES = {
    "Cyrillic А": ("\u0410manda Lapo", "Cyrillic Capital Letter A"),
    "Cyrillic а and о": ("Am\u0430nda Lap\u043e", "Cyrillic Small Letter A"),
    "Greek ο": ("Amanda Lap\u03bf", "Greek Small Letter Omicron"),
}


@pytest.mark.parametrize("name", SAME_NAME.values(), ids=SAME_NAME.keys())
def test_an_invisibly_different_name_is_the_known_person(name: str) -> None:
    registry = Registry.of([LAPO])
    assert registry.find(name) == LAPO
    assert registry.learned(name) is registry  # nobody new
    with pytest.raises(Exception, match="already belongs to 'Amanda Lapo'"):
        registry.add(Entity(name))


@pytest.mark.parametrize(("name", "letter"), LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_look_alike_new_name_is_flagged(name: str, letter: str) -> None:
    registry = Registry.of([LAPO])
    found = registry.look_alike(name)
    assert found is not None and found.entity == LAPO
    assert letter in found.warning(name) and "looks like “Amanda Lapo”" in found.warning(name)


def test_other_names_are_not_flagged() -> None:
    registry = Registry.of([LAPO])
    for name in ("Amanda Lopez", "Lapo Amanda", "Nicolás Maduro", "Amanda Lapo"):
        assert registry.look_alike(name) is None


def test_names_are_stored_clean() -> None:
    registry = Registry.of([Entity("\u202eJosé\u200b  Gómez\u00ad", ("Ｇómez",))])
    (entity,) = registry
    assert (entity.name, entity.aliases) == ("José Gómez", ("Gómez",))
    assert clean_name("Mohammad\u200cReza") == "Mohammad\u200cReza"  # a joiner is spelling
