"""Line patterns of a monitored page: what a breadcrumb, dateline, byline, credit and
the start of trailing boilerplate look like in plain text."""

from __future__ import annotations

import re

DASHES = "-–—‒―"

#: "Home / World / Title", "News > Middle East > Title", "Home » Politics".
BREADCRUMB_SEPARATOR = re.compile(r"\s(?:/|>|»|›|→|\\)\s")
#: "World News | Reuters": a short section label over the headline.
SECTION_SEPARATOR = re.compile(r"\s[|·•]\s")
BREADCRUMB_START = re.compile(r"^(?:home|you are here|start|homepage)\b", re.IGNORECASE)

_CAP_WORD = r"[A-Z][A-Za-z.'’\-]*"
_UPPER_CITY = r"[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,3}"
_TITLE_CITY = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}}"
_QUALIFIER = rf"(?:{_CAP_WORD}|\d{{1,4}}),?(?:\s+(?:{_CAP_WORD}|\d{{1,4}}),?){{0,3}}"
_AGENCY = r"\((?:[^()\n]{1,40})\)"
_DASH = rf"(?:[{DASHES}]{{1,2}})"

#: A dateline at the start of the first body paragraph; group "dateline" excludes the dash.
#: Upper-case cities may be followed by a region, a date and/or an agency:
#: "CARACAS, Venezuela –", "LONDON (Reuters) -", "NEW YORK, March 3 (Reuters) -",
#: "GAZA CITY/JERUSALEM (AP) —", "NEW DELHI:". Title-case cities need an agency or a
#: region: "Kyiv (AFP) -", "Caracas, Venezuela –".
DATELINE = re.compile(
    rf"""(?P<dateline>
        {_UPPER_CITY}(?:/{_UPPER_CITY})*(?:,\s*{_QUALIFIER})?(?:\s*{_AGENCY})?
        (?=\s*{_DASH}\s|:\s)
      | {_TITLE_CITY}(?:,\s*{_QUALIFIER})?\s*{_AGENCY}(?=\s*{_DASH}\s)
      | {_TITLE_CITY},\s*{_QUALIFIER}(?=\s*{_DASH}\s)
    )\s*(?:{_DASH}|:)\s+""",
    re.VERBOSE,
)

#: Words that look like a city in capitals but open an ordinary sentence.
NOT_A_CITY = frozenset({
    "I", "A", "AN", "THE", "BREAKING", "UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "WARNING",
    "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "VIDEO", "PHOTOS", "CORRECTION", "Q",
    "FACT CHECK", "READ", "SEE", "ALSO", "RELATED", "NEW", "OK",
})

#: "By Jane Doe", "BY JANE DOE", "By Jane Doe and John Roe, Reuters", "Written by Jane Doe".
BYLINE = re.compile(
    r"^(?:(?:written|reported|words|story)\s+)?by[:\s]\s*(?P<name>[A-Z\u00C0-\u024F][^\n]{1,150})$",
    re.IGNORECASE,
)

#: A line holding only a date, or a "Published/Updated" stamp, in the header of a page.
DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|date)(?:\s+on)?:?\s*)?"
    r"(?P<stamp>(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}[\s./-]+[A-Za-z]{3,9}\.?[\s./-]+\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:[\s,|-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?)\s*$",
    re.IGNORECASE,
)

#: Desk credits closing the article: "(Sahar News Monitoring Desk)", "(Reporting by …)",
#: "Source: Reuters", "With inputs from agencies", "— AFP".
CREDIT = re.compile(
    r"""^(?:
        \((?=[^()\n]*\b(?:desk|bureau|reporting|editing|writing|compiled|agencies|
            wires?|news\s+service|monitoring|inputs|files\s+from|contributed|AFP|Reuters|AP|
            IRNA|Xinhua|TASS|DPA|ANI|PTI)\b)[^\n]{2,200}\)
      | (?:source|sources|credit|credits|courtesy)\s*:\s*[^\n]{1,150}
      | with\s+(?:agency\s+)?inputs?\s+from\s+[^\n]{1,100}
      | [—–-]\s*(?:AFP|Reuters|AP|Agencies|IRNA|Xinhua|TASS|dpa|ANI|PTI)
    )[.]?$""",
    re.VERBOSE | re.IGNORECASE,
)

_BOILERPLATE_HEADS = (
    r"check\s+also|see\s+also|related(?:\s+(?:articles?|posts?|stories|news|content|coverage|topics|reading))?"
    r"|read\s+more|read\s+also|also\s+read|more\s+(?:news|stories|from\s+[^\n]{1,40}|on\s+this(?:\s+story)?)"
    r"|share(?:\s+this(?:\s+(?:article|story|post|page))?)?(?:\s+on)?|share\s+via|follow\s+us(?:\s+on)?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+(?:may|might)\s+also\s+like"
    r"|comments?|\d+\s+comments?|comments?\s+\(\d+\)|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:discussion|conversation)"
    r"|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|popular(?:\s+(?:posts|stories))?"
    r"|latest(?:\s+(?:news|stories|posts))?|previous\s+(?:article|post)|next\s+(?:article|post)"
    r"|about\s+the\s+author"
)

#: A line that opens the trailing block: "Check Also", "Related", "Read more:", "Tags: …".
BOILERPLATE_START = re.compile(
    rf"^[ \t]*(?:(?:{_BOILERPLATE_HEADS})[ \t]*[:.…»>›\-]*"
    rf"|tags?\s*:[^\n]*|filed\s+under\s*:?[^\n]*)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
