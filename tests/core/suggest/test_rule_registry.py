"""The rule registry, walked: every example fires its rule on the stated spans, no
counter-example does; every label the engine gives is declared, with a reason and examples."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from deskapp.core.article import Article
from deskapp.core.importers import article_from_clipboard, read_article
from deskapp.core.suggest import Suggestion, suggest
from deskapp.core.suggest.rules import REGISTRY, Example, Rule, rule

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ARTICLES = [*sorted((FIXTURES / "gold").glob("*.txt")), FIXTURES / "venezuela-defections.txt"]
_FIELDS = re.compile(r"\{(cue|source|speaker|evidence)\}")
_KIND_LEAD = r"(?:[A-Z][\w/ ]*: )?"  # "Thought: " before an attribution's reason


def _cases(counter: bool) -> list:
    return [pytest.param(r, ex, id=f"{r.id}-{i}") for r in REGISTRY.values()
            for i, ex in enumerate(r.counter_examples if counter else r.examples)]


@cache
def _suggested(text: str, imported: bool) -> tuple[Suggestion, ...]:
    article = article_from_clipboard(text) if imported else Article(text)
    return suggest(article, reuse=False).items


def _spans(item: Suggestion) -> dict[str, str | None]:
    def words(span) -> str | None:
        return None if span is None else span.piece_text

    if item.kind == "quote":
        return {"quote": words(item.span), "speaker": words(item.speaker_span),
                "cue": words(item.cue)}
    return {"content": words(item.content), "source": words(item.source),
            "cue": words(item.cue)}


def _fired(declared: Rule, example: Example) -> list[dict[str, str | None]]:
    return [_spans(s) for s in _suggested(example.text, example.imported)
            if s.rule == declared.id]


def _on(spans: dict[str, str | None], example: Example) -> bool:
    return all(spans.get(role) == text for role, text in example.spans().items())


def _reason_pattern(declared: Rule) -> re.Pattern[str]:
    parts = _FIELDS.split(declared.reason)
    body = "".join(".+" if i % 2 else re.escape(p) for i, p in enumerate(parts))
    return re.compile(_KIND_LEAD + body)


@pytest.mark.parametrize(("declared", "example"), _cases(counter=False))
def test_every_example_fires_its_rule_on_the_stated_spans(declared: Rule, example: Example):
    fired = _fired(declared, example)
    assert any(_on(spans, example) for spans in fired), (example.spans(), fired)


@pytest.mark.parametrize(("declared", "example"), _cases(counter=True))
def test_no_counter_example_fires_its_rule(declared: Rule, example: Example):
    assert not [spans for spans in _fired(declared, example) if _on(spans, example)]


@pytest.mark.parametrize(("declared", "example"), _cases(counter=False))
def test_an_example_carries_the_declared_reason_kind_and_confidence(declared: Rule,
                                                                   example: Example):
    made = [s for s in _suggested(example.text, example.imported) if s.rule == declared.id
            and _on(_spans(s), example)]
    assert made
    for s in made:
        assert s.kind == declared.suggests
        assert _reason_pattern(declared).fullmatch(s.reason), s.reason
        if declared.confidence is not None and not declared.confidence_note:
            assert s.confidence == declared.confidence
        assert 0 < s.confidence <= 1


def test_the_examples_of_a_rule_state_the_spans_of_what_it_suggests():
    roles = {"quote": {"quote", "speaker", "cue"}, "attribution": {"content", "source", "cue"}}
    for declared in REGISTRY.values():
        for example in declared.examples:
            assert example.spans(), declared.id
            assert set(example.spans()) <= roles[declared.suggests], declared.id


def test_house_rule_every_rule_has_a_reason_and_an_example():
    for declared in REGISTRY.values():
        assert declared.reason.strip() and declared.reads.strip(), declared.id
        assert declared.examples, declared.id
        assert declared.suggests in {"quote", "attribution"}, declared.id
        assert declared.confidence is not None or declared.confidence_note, declared.id


def test_house_rule_every_label_the_engine_gives_on_the_fixtures_is_declared():
    labels: set[str] = set()
    for path in ARTICLES:
        labels |= {s.rule for s in suggest(read_article(path), reuse=False).items}
    assert labels - set(REGISTRY) == set()
    assert len(labels) >= 20  # the fixtures exercise most of the rules


def test_a_rule_is_found_by_its_id():
    assert rule("cue-then-content").suggests == "attribution"
    with pytest.raises(KeyError):
        rule("no-such-rule")


def test_house_rule_every_declared_rule_is_made_by_the_engine_code():
    import deskapp.core.suggest.rules as rules

    source = "\n".join(p.read_text(encoding="utf-8") for p in
                       (Path(rules.__file__).parents[1]).rglob("*.py") if "rules" not in p.parts)
    names = {r.id: n for n in rules.__all__ if isinstance(r := getattr(rules, n), Rule)}
    assert set(names) == set(REGISTRY)
    unused = [rid for rid, n in names.items() if not re.search(rf"\brules\.{n}\b", source)]
    assert unused == []


# what the engine builds its findings with: a confidence among their arguments must be a rule's
_FINDING_BUILDERS = {"RawAttribution", "QuotePlan", "Attachment", "new_quote", "new_attribution",
                     "min", "max", "round"}


def _literal_confidences(tree: ast.AST) -> list[int]:
    """Lines where a number in (0, 1] is given as a confidence: an argument of a finding's
    constructor (or of min/max/round), an element of a tuple, or the value of a name or
    keyword that says "conf"."""
    def numbers(node: ast.AST | None) -> list[int]:
        if node is None:
            return []
        return [n.lineno for n in ast.walk(node) if isinstance(n, ast.Constant)
                and type(n.value) is float and 0 < n.value <= 1]

    def direct(node: ast.AST) -> list[int]:  # the numbers of a call's or tuple's own items
        items = [*node.args, *(k.value for k in node.keywords)] if isinstance(node, ast.Call) \
            else node.elts
        return [line for item in items if not isinstance(item, ast.Lambda)
                for line in numbers(item)]

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in _FINDING_BUILDERS:
                lines += direct(node)
            lines += [line for k in node.keywords if k.arg and "conf" in k.arg
                      for line in numbers(k.value)]
        elif isinstance(node, ast.Tuple):
            lines += direct(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any("conf" in ast.unparse(t).lower() for t in targets):
                lines += numbers(node.value)
    return sorted(lines)


def test_house_rule_no_engine_module_writes_a_confidence_of_its_own():
    """Every confidence comes from a rule's declaration (``Rule.conf``), where its note
    tells it: no number in the engine's code outside ``rules/``."""
    import deskapp.core.suggest.rules as rules

    engine = Path(rules.__file__).parents[1]
    found = {}
    for path in sorted(engine.rglob("*.py")):
        if "rules" in path.relative_to(engine).parts:
            continue
        if lines := _literal_confidences(ast.parse(path.read_text(encoding="utf-8"))):
            found[str(path.relative_to(engine))] = lines
    assert found == {}


def test_the_house_rule_finds_a_confidence_written_inline():
    code = ("a = RawAttribution(c, s, q, rules.X, 0.6)\nb = (span, who, rule, why, 0.45)\n"
            "conf = 0.9 if one else 0.85\nc = RawAttribution(c, s, q, rules.X, rules.X.conf())\n"
            "d = min(x, 0.6)\n")
    assert _literal_confidences(ast.parse(code)) == [1, 2, 3, 3, 5]


def test_every_number_a_rule_declares_is_told_in_its_note():
    for declared in REGISTRY.values():
        for number in declared.noted_numbers():
            assert f"{number:g}" in declared.confidence_note, (declared.id, number)
