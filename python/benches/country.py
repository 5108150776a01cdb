"""Benchmark: the rating through Python against the same run in pure Rust, and
`Report.to_pandas()`, on a synthetic dataset (the whole country by default).

    python python/benches/country.py [country|province|sample] [--repeat N]

Generates the dataset in Rust (`xeploai._xeploai._synth`, as
`cargo bench -p xeploai --bench country` does), then, alternating, times
`xeploai._xeploai._rate_rust_seconds` (the pure-Rust `run::rate`, timed inside
Rust, no Python object made) and `xeploai.rate` (the Python call: arguments,
the run with the GIL released, the Report object), then `Report.to_pandas()`
(twice: the first call takes fresh memory from the system) and
`Report.summary(by="commune")`. Prints each time and the ratios. The
country needs about 8 GiB of memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import xeploai
from xeploai import _xeploai


def peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scale", nargs="?", default="country", choices=["country", "province", "sample"])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each rating (default 2)")
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()

    print(f"xeploai {xeploai.__version__} Python benchmark, scale `{args.scale}`")
    t = time.perf_counter()
    ds = _xeploai._synth(args.scale)
    print(f"generate + validate:   {time.perf_counter() - t:8.3f} s   {ds}")

    rust: list[float] = []
    python: list[float] = []
    n = 0
    for i in range(args.repeat):
        # Alternate the order; no report is held during a timed run.
        for which in ("rust", "python") if i % 2 == 0 else ("python", "rust"):
            if which == "rust":
                seconds, n = _xeploai._rate_rust_seconds(ds, args.year)
                rust.append(seconds)
            else:
                t = time.perf_counter()
                timed = xeploai.rate(ds, args.year)
                python.append(time.perf_counter() - t)
                assert len(timed) == n or n == 0
                del timed
    report = xeploai.rate(ds, args.year)  # kept for the frames (not timed)
    r, p = min(rust), min(python)
    print(f"rate, pure Rust:       {r:8.3f} s   (runs: {', '.join(f'{x:.3f}' for x in rust)}) {len(report)} outcomes")
    print(f"rate, through Python:  {p:8.3f} s   (runs: {', '.join(f'{x:.3f}' for x in python)})")
    print(f"Python / Rust:         {p / r:8.3f}     (best of each; median ratio {statistics.median(python) / statistics.median(rust):.3f})")

    t = time.perf_counter()
    df = report.to_pandas()
    pandas_s = time.perf_counter() - t
    print(f"to_pandas():           {pandas_s:8.3f} s   {len(df)} rows x {len(df.columns)} columns, "
          f"{df.memory_usage(deep=False).sum() / 1e6:.0f} MB without the strings")
    # Again, the first frame freed: the memory is the process's own by now.
    del df
    t = time.perf_counter()
    df = report.to_pandas()
    print(f"to_pandas(), again:    {time.perf_counter() - t:8.3f} s")
    t = time.perf_counter()
    by_commune = report.summary(by="commune")
    print(f"summary(by=commune):   {time.perf_counter() - t:8.3f} s   {len(by_commune)} rows")
    t = time.perf_counter()
    by_province = report.summary(by="province")
    print(f"summary(by=province):  {time.perf_counter() - t:8.3f} s   {len(by_province)} rows")
    print(f"peak memory (maxrss):  {peak_gib():8.2f} GiB")


if __name__ == "__main__":
    main()
