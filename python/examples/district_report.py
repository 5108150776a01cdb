"""An analyst's report: rate the embedded sample province, print one row per
commune (members on the roll, rated, by level, the HTXSNV share with its
numerator and denominator) and save a bar chart of the levels per commune.

    python python/examples/district_report.py                # 2025, district_report.png
    python python/examples/district_report.py --year 2024 --out levels-2024.png

Needs matplotlib (``pip install matplotlib``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no window
import matplotlib.pyplot as plt
import pandas as pd

import xeploai

LEVELS = [
    ("members_excellent", "HTXSNV", "#1b7837"),
    ("members_good", "HTTNV", "#7fbf7b"),
    ("members_completed", "HTNV", "#fdb863"),
    ("members_not_completed", "KHTNV", "#d73027"),
    ("members_not_rated", "không xếp loại", "#bdbdbd"),
]


def commune_table(report: xeploai.Report) -> pd.DataFrame:
    """One row per commune: the counts of the report and the HTXSNV share."""
    s = report.summary(by="commune").dropna(subset=["unit"])
    table = pd.DataFrame(
        {
            "commune": s["name"],
            "on_roll": s["members_on_roll"],
            "rated": s["members_rated"],
            **{code: s[col] for col, code, _ in LEVELS[:4]},
            "not_rated": s["members_not_rated"],
        }
    )
    share = table["HTXSNV"] / table["rated"].where(table["rated"] > 0)
    table["HTXSNV_%"] = (100 * share).round(1)
    return table.reset_index(drop=True)


def bar_chart(report: xeploai.Report, out: Path) -> None:
    """Stacked bars: members of each commune by level."""
    s = report.summary(by="commune").dropna(subset=["unit"])
    names = [str(n).removeprefix("Xã ").removeprefix("Phường ") for n in s["name"]]
    fig, ax = plt.subplots(figsize=(11, 5.5))
    bottom = pd.Series(0, index=s.index)
    for col, label, colour in LEVELS:
        ax.bar(names, s[col], bottom=bottom, label=label, color=colour)
        bottom = bottom + s[col]
    ax.set_ylabel("đảng viên (party members)")
    ax.set_title(f"Xếp loại chất lượng đảng viên năm {report.year} theo xã ({report.regime})")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    ax.tick_params(axis="x", labelrotation=30)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--out", type=Path, default=Path("district_report.png"))
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    args = parser.parse_args()

    dataset = xeploai.sample()
    report = xeploai.rate(dataset, args.year)
    total = report.total["members"]
    print(f"{dataset.description}")
    print(f"{report.year}, {report.regime}: {total['rated']} of {total['on_roll']} members rated\n")
    with pd.option_context("display.width", 140, "display.max_columns", 20):
        print(commune_table(report).to_string(index=False))

    # The first subject the quota demoted, explained.
    outcomes = report.to_pandas()
    demoted = outcomes[outcomes["quota_demoted"]]
    if len(demoted):
        print("\n" + report.explain(str(demoted["subject"].iloc[0]), lang=args.lang))

    bar_chart(report, args.out)
    print(f"\nchart: {args.out}")


if __name__ == "__main__":
    main()
