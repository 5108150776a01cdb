"""The exceptions of xeploai.

Every error the package raises on purpose is an ``XeploaiError``. Those about
bad input also subclass the built-in class a Python programmer would catch:
``ValidationError``, ``RatingError``, ``ReportError`` and ``ArgumentError``
are ``ValueError``s, ``ReadError`` is an ``OSError`` and
``UnknownSubjectError`` a ``KeyError``. Every class pickles (its ``args`` are
its constructor's arguments), so errors cross process boundaries
(``multiprocessing``, ``concurrent.futures``).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "XeploaiError",
    "ValidationError",
    "ReadError",
    "RatingError",
    "ReportError",
    "UnknownSubjectError",
    "ArgumentError",
]


class XeploaiError(Exception):
    """The base class of every error raised by xeploai."""

    __module__ = "xeploai"


class ValidationError(XeploaiError, ValueError):
    """A dataset, a set of frames or a policy has problems.

    ``problems`` holds every problem, each a dict with ``severity``, ``code``,
    ``path``, ``collection``, ``index``, ``record``, ``field``, ``message``
    (English) and ``message_vi`` (Vietnamese), the records of
    ``Dataset.validate()``; ``pandas.DataFrame(err.problems)`` makes a table.
    """

    __module__ = "xeploai"

    def __init__(self, message: str, problems: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message, list(problems or []))

    @property
    def message(self) -> str:
        """The summary line."""
        return str(self.args[0])

    @property
    def problems(self) -> list[dict[str, Any]]:
        """Every problem."""
        problems: list[dict[str, Any]] = self.args[1]
        return problems

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The problems of severity ``error``."""
        return [p for p in self.problems if p.get("severity") == "error"]

    def __str__(self) -> str:
        return self.message


class ReadError(XeploaiError, OSError):
    """A dataset file could not be read (``errno``, ``strerror``, ``filename``)."""

    __module__ = "xeploai"


class RatingError(XeploaiError, ValueError):
    """A rating run could not start (e.g. a year out of range)."""

    __module__ = "xeploai"


class ReportError(XeploaiError, ValueError):
    """A report could not be read back from JSON; ``path`` is the JSON path."""

    __module__ = "xeploai"

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message, path)

    @property
    def path(self) -> str:
        """The JSON path of the problem."""
        return str(self.args[1])

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownSubjectError(XeploaiError, KeyError):
    """The report holds no subject with this id (``subject``)."""

    __module__ = "xeploai"

    def __init__(self, subject: str) -> None:
        super().__init__(subject)

    @property
    def subject(self) -> str:
        """The id asked for."""
        return str(self.args[0])

    def __str__(self) -> str:
        return f"no subject `{self.subject}` in the report"


class ArgumentError(XeploaiError, ValueError):
    """An argument has a value the function does not accept (e.g. ``lang="fr"``)."""

    __module__ = "xeploai"
