"""The person/source registry: names, aliases, roles, type-ahead."""

import json

import pytest

from deskapp.core.annotations import SourceKind
from deskapp.core.errors import DeskappError
from deskapp.core.registry import Entity, Registry

LAPO = Entity("Amanda Lapo", ("Lapo",), "defense and military analyst at the IISS")
IISS = Entity(
    "International Institute for Strategic Studies", ("IISS",), kind=SourceKind.ORGANISATION
)
AP = Entity("The Associated Press", ("AP", "Associated Press"), kind=SourceKind.MEDIA)


@pytest.fixture
def registry() -> Registry:
    return Registry.of([LAPO, IISS, AP])


def test_find_by_name_or_alias_ignoring_case_and_spacing(registry):
    assert registry.find("amanda  lapo") == LAPO
    assert registry.find("iiss") == IISS
    assert registry.find("associated press") == AP
    assert registry.find("Maduro") is None


def test_complete_prefers_whole_names_then_later_words(registry):
    assert registry.complete("a") == [LAPO, AP]  # by name: "Amanda Lapo", "The Associated …"
    assert registry.complete("lap") == [LAPO]
    assert registry.complete("STRAT") == [IISS]  # a later word of the name
    assert registry.complete("zz") == []
    assert len(registry.complete("", limit=2)) == 2


def test_a_name_belongs_to_one_entity(registry):
    with pytest.raises(DeskappError, match="already belongs to 'Amanda Lapo'"):
        registry.add(Entity("A. Lapo", ("lapo",)))
    with pytest.raises(DeskappError, match="needs a name"):
        registry.add(Entity("  "))


def test_update_and_alias_keep_the_registry_immutable(registry):
    updated = registry.update(
        Entity(LAPO.name, LAPO.aliases, "analyst, IISS", LAPO.kind, id=LAPO.id)
    )
    assert updated.get(LAPO.id).role == "analyst, IISS"
    assert registry.get(LAPO.id).role == LAPO.role
    aliased = updated.with_alias(LAPO.id, "Ms. Lapo")
    assert aliased.find("ms. lapo").id == LAPO.id
    assert aliased.with_alias(LAPO.id, "ms. LAPO") is aliased
    with pytest.raises(DeskappError, match="already belongs"):
        aliased.with_alias(IISS.id, "Lapo")
    with pytest.raises(DeskappError):
        registry.update(Entity("Nobody"))


def test_json_round_trip(registry):
    data = json.loads(json.dumps(registry.to_json()))
    assert Registry.from_json(data) == registry
    assert data[0] == {
        "id": LAPO.id,
        "name": "Amanda Lapo",
        "aliases": ["Lapo"],
        "role": "defense and military analyst at the IISS",
        "kind": "person",
    }
