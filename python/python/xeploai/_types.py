"""Typed shapes of the records xeploai returns as dicts."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


__all__ = ["Lang", "Problem"]

Lang = Literal["vi", "en"]
"""A language of messages and explanations: Vietnamese or English."""


class Problem(TypedDict):
    """One problem of a dataset or a policy (``Dataset.validate()``,
    ``ValidationError.problems``)."""

    severity: str
    """``error`` or ``warning``."""
    code: str
    """A stable code: ``dangling_reference``, ``invalid_json`` …"""
    path: str
    """The JSON path, e.g. ``units[12].parent``."""
    collection: str
    """The array: ``units``, ``people`` …"""
    index: int | None
    """The record's position in its array (its row in a frame)."""
    record: str
    """The record's id or a description (``p01 in cb.hoaloi``)."""
    field: str
    """The field, possibly nested (``parents[1].to``)."""
    message: str
    """What is wrong, in English."""
    message_vi: str
    """What is wrong, in Vietnamese."""
    line: NotRequired[int]
    """For a document that does not load: the line of the problem."""
    column: NotRequired[int]
    """For a document that does not load: the column of the problem."""
