"""Attributions learned from expert-annotated news: the cues the hand-written rules miss.

A linear model over each word and its neighbours (``features.py``), trained by
``scripts/train_learned_model.py`` on the development fold of the PolNeAR corpus and kept as
data (``model.json.gz``: feature weights and, for the reasons, how often each word was a
cue), proposes cues where no rule fired; two more such models mark where the source and the
content of each cue lie (``attributions.py``). Nothing is downloaded; the corpus's text is
not in the data, only weights of features seen at least twice and word counts.
"""
