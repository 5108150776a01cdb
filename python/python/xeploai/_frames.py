"""Frames in and out: pandas DataFrames to and from the dataset format, and the
DataFrames of a report. The native module calls these helpers; the columns
of a report are built in Rust and only assembled here.

The frames of a dataset use the format's field names as columns (see
``docs/dataset-format.md``): one frame per array (``units``, ``people``,
``memberships`` …), one row per record. A nested object is spread over
dotted columns (``tasks.assigned``, ``leader.led_tasks.on_time``), as
``pandas.json_normalize`` names them; a list field (``parents``,
``predecessors``, ``statuses``, ``grades``, ``subjects`` …) holds a Python
list or dict, or its JSON text as typed in a spreadsheet cell.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from ._errors import ValidationError

COLLECTIONS = (
    "units",
    "people",
    "memberships",
    "posts",
    "residence",
    "evaluations",
    "disciplines",
    "quota_groups",
    "decisions",
)

# The columns of each frame, in the order of the format (dataset.schema.json).
COLUMNS: dict[str, tuple[str, ...]] = {
    "units": (
        "id", "kind", "name", "local_name", "level", "parent", "parents", "area",
        "cell_type", "organisation", "established", "dissolved", "predecessors",
    ),
    "people": ("id", "name", "gender", "born"),
    "memberships": (
        "person", "cell", "from", "to", "admitted_on", "probationary", "full_on",
        "category", "statuses",
    ),
    "posts": ("person", "unit", "role", "from", "to"),
    "residence": ("person", "cell", "area", "from", "to", "exemption"),
    "evaluations": (
        "subject", "year", "stage", "score_common", "score_tasks", "score_total",
        "grades", "task_criteria", "concrete_products", "proposed",
        "tasks.assigned", "tasks.on_time", "tasks.late", "tasks.exceeded", "tasks.not_done",
        "prior_shortcomings.identified", "prior_shortcomings.remedied",
        "leader.led_units",
        "leader.led_tasks.assigned", "leader.led_tasks.on_time", "leader.led_tasks.late",
        "leader.led_tasks.exceeded", "leader.led_tasks.not_done",
        "leader.basic_indicators_failed",
        "leader.confidence_votes.low", "leader.confidence_votes.total",
        "leader.managed_corruption_disciplined",
        "conclusions", "civil_servant_level",
        "peer_levels.administration", "peer_levels.front", "peer_levels.mass_orgs",
        "category", "residence_comment", "review_meeting", "sick_leave_days",
        "force_majeure",
    ),
    "disciplines": (
        "subject", "form", "decided_on", "violation_id", "violation_year",
        "violation_unit", "duty_related", "self_detected",
    ),
    "quota_groups": ("id", "year", "subjects", "outstanding", "decided_by"),
    "decisions": ("subject", "year", "point", "level", "decided_by", "decided_on"),
}

# Fields holding a list or an object (given as such or as JSON text).
STRUCTURED = {
    "parents", "predecessors", "statuses", "grades", "task_criteria", "conclusions",
    "leader.led_units", "peer_levels.mass_orgs", "subjects",
}

# Fields holding a date (at the top level of a record).
DATES = {
    "established", "dissolved", "born", "from", "to", "admitted_on", "full_on",
    "review_meeting", "decided_on",
}

# Fields holding an integer (counts, scores in tenths, years).
INTEGERS = {
    "year", "score_common", "score_tasks", "score_total", "sick_leave_days",
    "violation_year",
    "tasks.assigned", "tasks.on_time", "tasks.late", "tasks.exceeded", "tasks.not_done",
    "prior_shortcomings.identified", "prior_shortcomings.remedied",
    "leader.led_tasks.assigned", "leader.led_tasks.on_time", "leader.led_tasks.late",
    "leader.led_tasks.exceeded", "leader.led_tasks.not_done",
    "leader.confidence_votes.low", "leader.confidence_votes.total",
}

# Top-level booleans that default to false (written as False in frames).
FALSE_BY_DEFAULT = {
    "memberships": ("probationary",),
    "evaluations": ("force_majeure",),
    "disciplines": ("duty_related", "self_detected"),
    "quota_groups": ("outstanding",),
}


# --------------------------------------------------------------------------
# Frames → dataset


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return v is _NA or v is _NAT


try:
    import pandas as _pd

    _NA: Any = _pd.NA
    _NAT: Any = _pd.NaT
except ImportError:  # pragma: no cover - pandas is a dependency
    _NA = _NAT = object()


def _plain(v: Any, column: str) -> Any:
    """A cell value as a JSON value."""
    if hasattr(v, "item") and not isinstance(v, (list, tuple, dict, str)) and getattr(v, "ndim", 0) == 0:
        v = v.item()  # numpy scalars
    if isinstance(v, _dt.datetime):
        if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0):
            return v.date().isoformat()
        return v.isoformat()  # refused by the loader, with the path
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and column in STRUCTURED:
        text = v.strip()
        if text.startswith(("[", "{")):
            try:
                return _plain(json.loads(text), column)
            except json.JSONDecodeError as e:
                raise _frame_error(column, f"`{column}` holds text that is not JSON: {e}") from e
    if isinstance(v, Mapping):
        return {str(k): _plain(x, "") for k, x in v.items() if not _missing(x)}
    if isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and not isinstance(v, str)):
        items = v.tolist() if hasattr(v, "tolist") else v
        return [_plain(x, "") for x in items]
    return v


def _frame_error(where: str, message: str) -> ValidationError:
    problem = {
        "severity": "error",
        "code": "invalid_frame",
        "path": where,
        "collection": where.split("[")[0].split(".")[0],
        "index": None,
        "record": "",
        "field": "",
        "message": message,
        "message_vi": f"bảng dữ liệu không hợp lệ: {message}",
    }
    return ValidationError(message, [problem])


def _records(name: str, frame: Any) -> list[dict[str, Any]]:
    """The records of one frame (a DataFrame or an iterable of dicts)."""
    if hasattr(frame, "to_dict") and hasattr(frame, "columns"):
        columns = [str(c) for c in frame.columns]
        if len(set(columns)) != len(columns):
            raise _frame_error(name, f"the `{name}` frame has duplicate columns")
        rows: Iterable[Mapping[str, Any]] = frame.to_dict("records")
    elif isinstance(frame, Iterable) and not isinstance(frame, (str, bytes, Mapping)):
        rows = list(frame)
    else:
        raise TypeError(f"{name} must be a pandas DataFrame or a list of dicts, not {type(frame).__name__}")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise TypeError(f"{name}[{i}] is not a dict")
        record: dict[str, Any] = {}
        for key, value in row.items():
            column = str(key)
            if _missing(value):
                continue
            parts = column.split(".")
            at = record
            for p in parts[:-1]:
                nxt = at.setdefault(p, {})
                if not isinstance(nxt, dict):
                    raise _frame_error(f"{name}[{i}].{column}", f"column `{column}` and column `{p}` clash")
                at = nxt
            at[parts[-1]] = _plain(value, column)
        out.append(record)
    return out


def frames_to_json(description: str | None = None, front: Any = None, **frames: Any) -> bytes:
    """The dataset document (UTF-8 JSON) of a set of frames, with the Front
    section (a dict of the format's ``front`` object) when given."""
    doc: dict[str, Any] = {"format": "xeploai-dataset/1"}
    if description is not None:
        doc["description"] = description
    for name in COLLECTIONS:
        frame = frames.pop(name, None)
        if frame is not None:
            doc[name] = _records(name, frame)
    if frames:  # pragma: no cover - the native signature allows only the names above
        raise TypeError(f"unknown frames: {', '.join(sorted(frames))}")
    if front is not None:
        doc["front"] = front
    return json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")


# --------------------------------------------------------------------------
# Dataset → frames


def _flatten(record: Mapping[str, Any], prefix: str, out: dict[str, Any]) -> None:
    for key, value in record.items():
        column = f"{prefix}{key}"
        if isinstance(value, dict) and column not in STRUCTURED:
            _flatten(value, f"{column}.", out)
        else:
            out[column] = value


def _dates_in(value: Any) -> Any:
    """Nested records (parents, statuses, conclusions) with dates as datetime.date."""
    if isinstance(value, list):
        return [_dates_in(v) for v in value]
    if isinstance(value, dict):
        return {
            k: (_dt.date.fromisoformat(v) if k in DATES | {"on"} and isinstance(v, str) else _dates_in(v))
            for k, v in value.items()
        }
    return value


def dataset_to_frames(text: str) -> dict[str, Any]:
    """One DataFrame per array of the dataset (every array, empty or not)."""
    import pandas as pd

    doc = json.loads(text)
    frames: dict[str, Any] = {}
    for name in COLLECTIONS:
        rows = []
        for record in doc.get(name, []):
            flat: dict[str, Any] = {}
            _flatten(record, "", flat)
            rows.append(flat)
        columns = list(COLUMNS[name])
        extra = sorted({c for r in rows for c in r} - set(columns))
        df = pd.DataFrame.from_records(rows, columns=columns + extra) if rows else pd.DataFrame(columns=columns)
        for c in df.columns:
            if c in DATES:
                df[c] = pd.Series(
                    [_dt.date.fromisoformat(v) if isinstance(v, str) else None for v in df[c]],
                    index=df.index,
                    dtype=object,
                )
            elif c in INTEGERS:
                df[c] = df[c].astype("Int64")
            elif c in STRUCTURED:
                df[c] = pd.Series([_dates_in(v) if isinstance(v, (list, dict)) else None for v in df[c]], index=df.index, dtype=object)
        for c in FALSE_BY_DEFAULT.get(name, ()):
            df[c] = df[c].astype(object).where(df[c].notna(), False).astype(bool)
        frames[name] = df
    return frames


# --------------------------------------------------------------------------
# Report → frames


def outcomes_frame(
    subjects: Any,
    block: bytearray,
    layout: list[tuple[str, int, str, list[str] | None, bool]],
) -> Any:
    """The DataFrame of ``Report.to_pandas`` from the columns built in Rust:
    the subjects (a numpy array of ``str``), and one buffer holding the other
    columns, each described by ``(name, offset, dtype, categories, ordered)``
    (categories: the codes of a categorical). The columns read from the
    buffer are views of it, not copies (``tests/python/test_frames.py``
    checks this for the categorical codes)."""
    import numpy as np
    import pandas as pd

    n = len(subjects)
    data: dict[str, Any] = {"subject": subjects}
    for name, offset, dtype, categories, ordered in layout:
        values: Any = np.frombuffer(block, dtype=dtype, count=n, offset=offset)
        if categories is not None:
            kind = pd.CategoricalDtype(pd.Index(categories, dtype=object), ordered=ordered)
            values = pd.Categorical.from_codes(values, dtype=kind)
        data[name] = values
    return pd.DataFrame(data, copy=False)


def summary_frame(columns: dict[str, list[Any]]) -> Any:
    """The DataFrame of ``Report.summary``."""
    import pandas as pd

    df = pd.DataFrame(columns)
    for c in df.columns:
        if c.startswith(("members_", "organisations_")):
            df[c] = df[c].astype("int64")
    return df


def records_frame(records: list[dict[str, Any]], columns: list[str]) -> Any:
    """A DataFrame of records with fixed columns (missing keys are None)."""
    import pandas as pd

    return pd.DataFrame.from_records(
        [{c: r.get(c) for c in columns} for r in records], columns=columns
    )


def unit_summaries_frame(records: list[dict[str, Any]]) -> Any:
    """The report's own summaries with the columns of ``Report.summary``."""
    import pandas as pd

    levels = ("excellent", "good", "completed", "not_completed")
    rows = []
    for s in records:
        row: dict[str, Any] = {"unit": s["unit"], "name": s["name"], "unit_kind": s.get("unit_kind")}
        for part in ("members", "organisations"):
            counts = s[part]
            row[f"{part}_on_roll"] = counts["on_roll"]
            row[f"{part}_rated"] = counts["rated"]
            for level in levels:
                row[f"{part}_{level}"] = counts["by_level"].get(level, 0)
            row[f"{part}_not_rated"] = counts["on_roll"] - counts["rated"]
        rows.append(row)
    columns = ["unit", "name", "unit_kind"] + [
        f"{p}_{c}" for p in ("members", "organisations")
        for c in ("on_roll", "rated", *levels, "not_rated")
    ]
    return pd.DataFrame.from_records(rows, columns=columns)


# --------------------------------------------------------------------------
# The Front side of a report


def _objects(values: list[Any]) -> Any:
    """A 1-d object array of the values as they are (lists stay cells)."""
    import numpy as np

    out: Any = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _front_frame(columns: dict[str, list[Any]], dtypes: dict[str, str]) -> Any:
    """A DataFrame of columns built in Rust, each with its dtype; ``object``
    columns (text with None, lists, dates) hold the values as given."""
    import pandas as pd

    data = {
        name: pd.Series(_objects(values) if dtypes[name] == "object" else values, dtype=dtypes[name])
        for name, values in columns.items()
    }
    return pd.DataFrame(data, columns=list(columns))


BOARD_DTYPES: dict[str, str] = {
    "board": "object",
    "area": "object",
    "commune": "object",
    "as_of": "object",
    "composition_ok": "bool",
    "composition_failed": "int64",
    "failed_checks": "object",
    "not_rated": "object",
    "scheme": "object",
    "illustrative": "boolean",
    "level": "object",
    "level_vi": "object",
    "level_en": "object",
    "rank": "Int64",
    "band_rank": "Int64",
    "score": "float64",
    "base": "float64",
    "bonus": "float64",
    "deducted": "float64",
    "self_score": "float64",
    "quota_demoted": "bool",
    "missing": "object",
    "findings": "int64",
}


def boards_frame(columns: dict[str, list[Any]], as_of: _dt.date | None) -> Any:
    """The DataFrame of ``Report.boards``."""
    n = len(columns["board"])
    return _front_frame(
        {name: [as_of] * n if name == "as_of" else columns[name] for name in BOARD_DTYPES},
        BOARD_DTYPES,
    )


INDICATOR_DTYPES: dict[str, str] = {
    "metric": "object",
    "label_vi": "object",
    "label_en": "object",
    "is_count": "bool",
    "scope": "object",
    "unit": "object",
    "year": "int64",
    "as_of": "object",
    "units": "int64",
    "numerator": "int64",
    "denominator": "int64",
    "share": "float64",
}


def indicators_frame(columns: dict[str, list[Any]], as_of: _dt.date | None) -> Any:
    """The DataFrame of ``Report.indicators``; the share is computed here,
    NaN when the denominator is 0."""
    n = len(columns["metric"])
    derived: dict[str, list[Any]] = {
        "as_of": [as_of] * n,
        "share": [
            num / den if den else math.nan
            for num, den in zip(columns["numerator"], columns["denominator"], strict=True)
        ],
    }
    return _front_frame(
        {name: derived[name] if name in derived else columns[name] for name in INDICATOR_DTYPES},
        INDICATOR_DTYPES,
    )


TARGET_DTYPES: dict[str, str] = {
    "target": "object",
    "metric": "object",
    "comparator": "object",
    "value": "int64",
    "scope": "object",
    "source": "object",
    "verified": "bool",
    "evaluated": "int64",
    "met": "int64",
    "missed": "int64",
    "missed_units": "object",
}


def targets_frame(columns: dict[str, list[Any]]) -> Any:
    """The DataFrame of ``Report.targets``."""
    return _front_frame({name: columns[name] for name in TARGET_DTYPES}, TARGET_DTYPES)


def census_frame(census: dict[str, Any]) -> Any:
    """The DataFrame of ``Dataset.census``: one row per commune, then the
    units outside every commune."""
    import pandas as pd

    rows = []
    for row in [*census["communes"], census["outside_communes"]]:
        flat: dict[str, Any] = {"commune": row["commune"], "name": row["name"]}
        for k, v in row["members"].items():
            flat[f"members_{k}"] = v
        for k, v in row["board_heads"].items():
            flat[f"board_heads_{k}"] = v
        for k, v in row["units"].items():
            flat[f"units_{k}"] = v
        rows.append(flat)
    df = pd.DataFrame.from_records(rows)
    unit_cols = sorted(c for c in df.columns if c.startswith("units_"))
    df[unit_cols] = df[unit_cols].fillna(0).astype("int64")
    first = [c for c in df.columns if not c.startswith("units_")]
    return df[first + unit_cols]
