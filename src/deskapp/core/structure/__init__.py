"""Structure of a monitored page in plain text: breadcrumb, headline, dateline, byline,
body, desk credit and trailing boilerplate, each a span of the text."""

from deskapp.core.structure.detect import date_stamp, dateline_at, detect_structure, same_title
from deskapp.core.structure.summary import summarize

__all__ = ["date_stamp", "dateline_at", "detect_structure", "same_title", "summarize"]
