"""Reading exported HTML back as a browser would: elements, attributes, unsafe parts."""

from __future__ import annotations

from html.parser import HTMLParser

UNSAFE_TAGS = frozenset({"script", "iframe", "object", "embed", "base", "meta-refresh", "svg",
                         "math", "form"})

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "background", "poster",
                            "srcset", "xlink:href", "cite", "data", "ping", "style"})


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def elements(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


def unsafe_parts(page: str) -> list[str]:
    """Script elements, event-handler attributes and javascript: URLs of ``page``."""
    found = []
    for tag, attrs in elements(page).tags:
        if tag in UNSAFE_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES and "javascript:" in "".join(value.split()).lower():
                found.append(f"{tag}[{name}={value!r}]")
    return found
