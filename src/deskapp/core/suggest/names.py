"""Word lists for telling people from organisations, outlets, documents and anonymity."""

from __future__ import annotations

from deskapp.core.suggest import vocab

FEMALE_NAMES = set(vocab.read("female_names"))
MALE_NAMES = set(vocab.read("male_names"))
PERSON_TITLES = set(vocab.read("person_titles"))
ROLE_NOUNS = set(vocab.read("role_nouns"))
ANONYMOUS_HEADS = set(vocab.read("anonymous_heads"))
ANONYMOUS_MARKERS = vocab.read("anonymous_markers")
MEDIA_NAMES = set(vocab.read("media_names"))
MEDIA_WORDS = set(vocab.read("media_words"))
DOCUMENT_WORDS = set(vocab.read("document_words"))
ORG_WORDS = set(vocab.read("org_words"))
