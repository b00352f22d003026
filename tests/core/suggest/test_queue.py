"""The review queue: the keys' behaviour, counts, and marks that already exist."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import Decision, ReviewQueue, suggest


@pytest.fixture
def found(sample_text):
    return suggest(Article(sample_text))


def test_items_come_in_text_order_and_start_unreviewed(found):
    queue = ReviewQueue.of(found)
    starts = [i.anchor.start for i in queue.items]
    assert starts == sorted(starts)
    assert queue.total == len(found) and queue.reviewed == 0
    assert queue.current is queue.items[0]
    assert queue.progress == f"0 of {queue.total} reviewed"


def test_accept_reject_skip_back(found):
    queue = ReviewQueue.of(found)
    first, second, third = queue.items[:3]
    q1 = queue.accept()
    assert q1.current is second and q1.decision(first.id) is Decision.ACCEPTED
    assert queue.reviewed == 0  # the old queue is unchanged
    q2 = q1.skip()
    assert q2.current is third and q2.decision(second.id) is None
    q3 = q2.reject()
    assert q3.decision(third.id) is Decision.REJECTED
    assert q3.reviewed == 2
    assert q3.back().current is third
    assert [m.id for m in q3.marks()] == [first.id]


def test_skipped_items_come_round_again_until_all_are_decided(found):
    queue = ReviewQueue.of(found).skip()
    while not queue.done:
        queue = queue.accept()
    assert queue.current is None
    assert queue.reviewed == queue.total
    assert len(queue.marks()) == queue.total


def test_accept_all_of_a_kind_leaves_the_other_kind(found):
    queue = ReviewQueue.of(found).accept_all("quote")
    assert queue.reviewed == len(found.quotes)
    assert all(queue.decision(q.id) is Decision.ACCEPTED for q in found.quotes)
    assert queue.current is not None and queue.current.kind == "attribution"


def test_already_marked_items_do_not_reappear(found):
    queue = ReviewQueue.of(found)
    marks = queue.accept().accept().marks()
    again = ReviewQueue.of(found, marks)
    assert again.total == queue.total - 2
    assert not {m.id for m in marks} & {i.id for i in again.items}


def test_actions_on_a_finished_queue_do_nothing():
    empty = ReviewQueue()
    assert empty.accept() == empty and empty.skip() == empty and empty.current is None
    assert empty.progress == "0 of 0 reviewed"


def test_accepted_marks_are_the_annotation_types(found):
    from deskapp.core.annotations import Attribution, Quote

    marks = ReviewQueue.of(found).accept_all("quote").accept_all("attribution").marks()
    assert {type(m) for m in marks} == {Quote, Attribution}
    quote = next(m for m in marks if isinstance(m, Quote))
    assert quote.speaker == "Amanda Lapo"


def test_a_claim_kind_filter_reviews_only_that_kind(fixtures):
    """Issue 12: review only thoughts, only documents/data, only statements (quotes too)."""
    from deskapp.core.claim_kinds import ClaimKind

    text = (fixtures / "claim-kinds.txt").read_text(encoding="utf-8")
    queue = ReviewQueue.of(suggest(Article(text)))
    thoughts = queue.only_kind(ClaimKind.THOUGHT)
    assert thoughts.current.claim_kind == "thought" and thoughts.total == 1
    assert thoughts.progress == "0 of 1 thoughts reviewed"
    done = thoughts.accept()
    assert done.done and done.current is None and done.reviewed == 1
    assert done.back().current.claim_kind == "thought"
    statements = done.only_kind(ClaimKind.STATEMENT)
    assert statements.total == sum(1 for i in queue.items if i.claim_kind == "statement") >= 2
    seen = set()
    for _ in range(statements.total):
        seen.add(statements.current.claim_kind)
        statements = statements.skip()
    assert seen == {"statement"}
    everything = done.only_kind(None)
    assert everything.total == queue.total and everything.reviewed == 1
    docs = queue.only_kind(ClaimKind.DOCUMENT).accept_all("attribution")
    assert [i.claim_kind for i in docs.accepted] == ["document"]
