"""Where two versions of a text start and stop differing (a correction's reach)."""

from __future__ import annotations


def common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix, compared a stretch at a time in C."""
    n = min(len(a), len(b))
    i, step = 0, 256
    while i < n:
        j = min(n, i + step)
        if a[i:j] != b[i:j]:
            while j - i > 1:  # a[:i] == b[:i], and they differ before j
                mid = (i + j) // 2
                if a[i:mid] == b[i:mid]:
                    i = mid
                else:
                    j = mid
            return i
        i, step = j, step * 2
    return n


def common_suffix(a: str, b: str, prefix: int = 0) -> int:
    """The length of the longest common suffix not overlapping the first ``prefix`` chars."""
    n = min(len(a), len(b)) - prefix
    la, lb = len(a), len(b)
    i, step = 0, 256
    while i < n:
        j = min(n, i + step)
        if a[la - j:la - i] != b[lb - j:lb - i]:
            while j - i > 1:
                mid = (i + j) // 2
                if a[la - mid:la - i] == b[lb - mid:lb - i]:
                    i = mid
                else:
                    j = mid
            return i
        i, step = j, step * 2
    return max(n, 0)
