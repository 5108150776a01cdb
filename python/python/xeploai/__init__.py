"""xeploai: the annual evaluation and quality rating (kiểm điểm, đánh giá, xếp
loại chất lượng) of Vietnamese party members and party organisations, under
the regulation in force each year, with every result explained by the article
it rests on.

    >>> import xeploai
    >>> report = xeploai.rate(xeploai.sample(), 2025)
    >>> report.regime
    'qd366-2025'

The rating runs in Rust (the crate ``xeploai``) with the GIL released.
Datasets come in as JSON or pandas DataFrames (``Dataset.from_frames``) and
reports go out as DataFrames (``Report.to_pandas``, ``Report.summary``). See
``docs/python.md`` in the repository.
"""

from __future__ import annotations

from ._errors import (
    ArgumentError,
    RatingError,
    ReadError,
    ReportError,
    UnknownSubjectError,
    ValidationError,
    XeploaiError,
)
from ._types import Problem
from ._xeploai import (
    PRESETS,
    REGIMES,
    Dataset,
    Outcome,
    OutcomeIterator,
    Outcomes,
    Policy,
    Report,
    __version__,
    rate,
    sample,
)

__all__ = [
    "__version__",
    "PRESETS",
    "REGIMES",
    "Dataset",
    "Outcome",
    "OutcomeIterator",
    "Outcomes",
    "Policy",
    "Problem",
    "Report",
    "rate",
    "sample",
    "XeploaiError",
    "ValidationError",
    "ReadError",
    "RatingError",
    "ReportError",
    "UnknownSubjectError",
    "ArgumentError",
]
