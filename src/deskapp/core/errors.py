"""Errors a user can cause, each with a message meant for a person."""


class DeskappError(Exception):
    """Base of every error deskapp reports to the user as one line."""


class ImportFailed(DeskappError):
    """A file could not be read as an article."""


class ExportFailed(DeskappError):
    """An export could not be written."""


class StoreError(DeskappError):
    """The store cannot be opened, read or written."""


class NotFound(StoreError):
    """No article or version with that id."""


class MarkRejected(DeskappError):
    """A mark could not be added (empty, duplicate, across boilerplate …)."""


class TransitionRefused(DeskappError):
    """A workflow transition that the rules do not allow."""
