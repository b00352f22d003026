"""Reruns after a correction reuse earlier work and give exactly what a cold run gives."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskapp.core.article import Article, Part
from deskapp.core.importers import read_article
from deskapp.core.spans import Span
from deskapp.core.suggest import suggest
from deskapp.core.suggest.engine import clear_cache

GOLD = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "gold").glob("*.txt"))
ARTICLES = [read_article(p) for p in GOLD]
CHARS = "abcdefghij KLMNOP 0123456789 .,;:!?-–—\n\n\"'“”‘’«»()"
WORDS = ["said", "told", "according to", "Amanda Lapo", "she", "he", "“", "”", '"',
         "reported that", "\n", "\n\n", "citing", "Mr.", "15,000", " percent", "quoted as saying"]


def _moved_parts(parts: tuple[Part, ...], text: str, start: int, old_end: int,
                 new_end: int) -> tuple[Part, ...]:
    """The parts that a replacement of [start, old_end) by [start, new_end) leaves whole."""
    out = []
    for p in parts:
        s, e = p.span.start, p.span.end
        if e <= start:
            out.append(p)
        elif s >= old_end:
            d = new_end - old_end
            out.append(Part(p.kind, Span.of(text, s + d, e + d)))
    return tuple(out)


@st.composite
def edit(draw, text: str) -> tuple[int, int, str]:
    """(start, end, replacement): characters, words, whole paragraphs, quotation marks."""
    kind = draw(st.sampled_from(["chars", "word", "paragraph", "mark", "delete"]))
    at = draw(st.integers(0, len(text)))
    if kind == "chars":
        return at, min(len(text), at + draw(st.integers(0, 3))), draw(
            st.text(alphabet=CHARS, max_size=6))
    if kind == "word":
        end = text.find(" ", at + 1)
        end = len(text) if end < 0 else end
        return at, end, draw(st.sampled_from(WORDS))
    if kind == "mark":
        return at, at, draw(st.sampled_from(['"', "“", "”", "«", "»", "\n“"]))
    if kind == "delete":
        return at, min(len(text), at + draw(st.integers(1, 40))), ""
    lines = text.split("\n")
    i = draw(st.integers(0, len(lines) - 1))
    start = sum(len(line) + 1 for line in lines[:i])
    end = min(len(text), start + len(lines[i]) + 1)
    action = draw(st.sampled_from(["drop", "copy", "swap"]))
    if action == "drop":
        return start, end, ""
    if action == "copy":
        return start, start, text[start:end] if text[start:end].endswith("\n") else "\n"
    other = draw(st.integers(0, len(lines) - 1))
    return start, end, lines[other] + "\n"


@st.composite
def corrected_articles(draw):
    """An article (plain or with its imported parts) and three corrections in a row."""
    base = draw(st.sampled_from(ARTICLES))
    article = base if draw(st.booleans()) else Article(base.text)
    if draw(st.booleans()):  # two articles back to back: long-range context
        article = Article(article.text + "\n" + draw(st.sampled_from(ARTICLES)).text)
    versions = [article]
    for _ in range(3):
        text = versions[-1].text
        start, end, new = draw(edit(text))
        changed = text[:start] + new + text[end:]
        parts = _moved_parts(versions[-1].parts, changed, start, end, start + len(new))
        versions.append(Article(changed, parts))
    return [base, Article(base.text), *versions]  # the same lines with and without parts


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrected_articles())
def test_a_rerun_after_corrections_equals_a_cold_run(versions):
    clear_cache()
    for article in versions:  # each run reuses what the ones before it kept
        rerun = suggest(article)
        cold = suggest(article, reuse=False)
        assert rerun.quotes == cold.quotes
        assert rerun.attributions == cold.attributions
        assert rerun.flags == cold.flags


def test_a_correction_elsewhere_keeps_the_ids_of_the_other_suggestions():
    text = ARTICLES[0].text
    before = suggest(Article(text))
    cut = text.index("\n", len(text) // 2)
    after = suggest(Article(text[:cut] + " Extra words here." + text[cut:]))
    assert {s.id for s in before.items} == {s.id for s in after.items}
    moved = [s for s in after.items if s.anchor.start > cut]
    assert moved and all(before.get(s.id).anchor.start < s.anchor.start for s in moved)


def test_identical_suggestions_get_distinct_ids():
    line = "“We will not give up,” said Amanda Lapo.\n"
    found = suggest(Article(line * 3))
    assert len(found.quotes) == 3 and len({q.id for q in found.quotes}) == 3
    assert len({s.id for s in found.items}) == len(found.items)
