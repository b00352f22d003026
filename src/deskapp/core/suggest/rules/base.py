"""What a rule declaration holds: its id, what it suggests, confidence, reason, examples."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Suggests = Literal["quote", "attribution"]


@dataclass(frozen=True, slots=True)
class Example:
    """A short news text and the spans a rule gives there (as ``Span.piece_text``).

    Attribution rules state ``cue``, ``source``, ``content``; quote rules ``quote``,
    ``speaker`` (the words naming the speaker) and ``cue``. A span left None is not checked.
    As a counter-example, the rule must make no suggestion with all the stated spans (with
    none stated: no suggestion at all). ``imported`` reads the text as an import would, so
    that its first line is a headline.
    """

    text: str
    cue: str | None = None
    source: str | None = None
    content: str | None = None
    quote: str | None = None
    speaker: str | None = None
    imported: bool = False

    def spans(self) -> dict[str, str]:
        """The stated spans by role."""
        roles = ("cue", "source", "content", "quote", "speaker")
        return {r: v for r in roles if (v := getattr(self, r)) is not None}


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One way the engine makes a suggestion, declared once.

    ``id`` is the label every suggestion it makes carries (``.rule``); ``suggests`` what
    it makes; ``confidence`` what it gives when nothing about the finding changes it (None:
    always worked out per finding), ``confidence_note`` how it changes; ``reason`` the
    sentence an editor reads, with ``{cue}``, ``{source}`` or ``{speaker}`` filled in;
    ``reads`` the construction it reads, in a few words. A rule is one object: the engine
    carries it with each finding and compares it by identity (``is``); what leaves the
    engine carries its ``id``.
    """

    id: str
    suggests: Suggests
    reason: str
    confidence: float | None
    examples: tuple[Example, ...]
    counter_examples: tuple[Example, ...] = ()
    confidence_note: str = ""
    reads: str = ""
    # every other number the rule gives, each told in ``confidence_note`` (see ``conf``):
    # confidences of named cases, by the cue's lemma, named additions up to ``ceiling``
    cases: Mapping[str, float] = field(default_factory=dict)
    by_verb: Mapping[str, float] = field(default_factory=dict)
    bonus: Mapping[str, float] = field(default_factory=dict)
    ceiling: float = 1.0

    def conf(self, case: str | None = None, *, verb: str = "", bonus: str | None = None
             ) -> float:
        """The declared confidence: of ``case`` (one of ``cases``) if given, else of a cue of
        lemma ``verb`` (``by_verb``), else the rule's own; plus the named ``bonus`` if
        given, at most ``ceiling``."""
        value = self.cases[case] if case is not None else self.by_verb.get(verb, self.confidence)
        if value is None:
            raise ValueError(f"rule {self.id!r} declares no confidence of its own")
        return value if bonus is None else min(self.ceiling, value + self.bonus[bonus])

    def noted_numbers(self) -> tuple[float, ...]:
        """The numbers besides ``confidence`` that ``confidence_note`` must tell."""
        found = [*self.cases.values(), *self.by_verb.values(), *self.bonus.values()]
        if self.ceiling < 1:
            found.append(self.ceiling)
        return tuple(found)
