"""Print the README's keyboard-shortcut table from the action table (`--write` updates README)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from deskapp.ui.actions import shortcut_rows

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- shortcuts:start -->", "<!-- shortcuts:end -->"


def table() -> str:
    lines = ["| Menu | Action | Shortcut | What it does |", "|---|---|---|---|"]
    for menu, action, keys, tip in shortcut_rows():
        lines.append(f"| {menu} | {action} | {keys.replace('|', '/') or '—'} | {tip} |")
    return "\n".join(lines)


BLOCK = re.compile(re.escape(START) + r"\n(.*?)" + re.escape(END), re.S)


def readme_table(text: str) -> str:
    match = BLOCK.search(text)
    return match.group(1).rstrip("\n") if match else ""


def main() -> int:
    fresh = table()
    if "--write" in sys.argv:
        text = README.read_text(encoding="utf-8")
        text = BLOCK.sub(lambda _m: f"{START}\n{fresh}\n{END}", text)
        README.write_text(text, encoding="utf-8")
    print(fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
