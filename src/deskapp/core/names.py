"""Names of people and sources as the registry keeps and compares them.

- ``clean_name``: the name as stored — NFKC (fullwidth letters become plain ones), invisible
  and bidirectional control characters removed (zero-width space, soft hyphen, LRM, RLO …),
  white space collapsed. Zero-width (non-)joiners, which some scripts spell with, are kept.
- ``name_key``: what makes two names the same name — the clean name without any format
  character, case folded.
- ``skeleton``: what makes two names look alike — the key with letters of other scripts that
  look like Latin ones (Cyrillic “А”, Greek “Ο” …) and digits that pass for letters mapped
  to those, and accents dropped. Two different keys with one skeleton are confusable.
"""

from __future__ import annotations

import re
import unicodedata

JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: part of the spelling in Persian, Indic scripts …"""

_OTHER_INVISIBLES = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800\u180e")
"""Not format characters but shown as nothing (grapheme joiner, Hangul fillers, blank
Braille pattern, Mongolian vowel separator)."""

_LOOKALIKES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z", "ω": "w",
    # digits and signs that pass for letters
    "0": "o", "1": "l", "|": "l", "$": "s",
})


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in _OTHER_INVISIBLES or (
        "\ufe00" <= char <= "\ufe0f")


def clean_name(name: str) -> str:
    """The name as the registry stores it (see the module docstring)."""
    name = unicodedata.normalize("NFKC", name)
    name = "".join(c for c in name if c in JOINERS or not _invisible(c))
    return re.sub(r"\s+", " ", name).strip()


def name_key(name: str) -> str:
    """Equal for names that are the same name (case, spacing and invisibles ignored)."""
    cleaned = "".join(c for c in clean_name(name) if c not in JOINERS)
    return cleaned.casefold()


def skeleton(name: str) -> str:
    """Equal for names that look alike on screen."""
    decomposed = unicodedata.normalize("NFD", name_key(name).translate(_LOOKALIKES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(_LOOKALIKES).replace(" ", "")


def look_alike_reason(name: str, known: str) -> str:
    """Which characters of ``name`` differ from ``known`` although the two look alike."""
    odd = sorted({c for c in clean_name(name) if c.isalpha() and not c.isascii()
                  and c not in clean_name(known)})
    if not odd:
        return "they differ only in look-alike characters"
    shown = ", ".join(f"“{c}” ({unicodedata.name(c, 'unnamed').title()})" for c in odd[:3])
    return f"it spells with {shown}"
