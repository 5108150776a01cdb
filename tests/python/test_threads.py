"""Concurrency: rating from 8 threads at once gives identical results, and
the GIL is released while Rust works."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import xeploai


def test_eight_threads_rate_at_once_with_identical_results(sample: xeploai.Dataset) -> None:
    expected = {y: xeploai.rate(sample, y).to_json() for y in (2024, 2025)}
    barrier = threading.Barrier(8)

    def work(i: int) -> tuple[int, str, int]:
        year = 2024 + i % 2
        barrier.wait()
        report = xeploai.rate(sample, year)
        return year, report.to_json(), len(report.to_pandas())

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    assert len(results) == 8
    for year, text, rows in results:
        assert text == expected[year]
        assert rows > 5000


def test_threads_share_one_dataset_and_load_their_own() -> None:
    def work(_: int) -> str:
        ds = xeploai.sample()
        return xeploai.rate(ds, 2025, policy="literal").to_json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = set(pool.map(work, range(8)))
    assert len(texts) == 1


def test_the_gil_is_released_during_a_long_native_call() -> None:
    """While another thread generates and rates a province in Rust, this
    thread keeps running: the longest pause it sees is far shorter than the
    native call. With the GIL held, it would be at least as long."""
    span: dict[str, float] = {}

    def native() -> None:
        t = time.perf_counter()
        ds = xeploai._xeploai._synth("province")
        span["synth"] = time.perf_counter() - t
        t = time.perf_counter()
        xeploai.rate(ds, 2025)
        span["rate"] = time.perf_counter() - t

    worker = threading.Thread(target=native)
    stamps = [time.perf_counter()]
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    longest = max(b - a for a, b in zip(stamps, stamps[1:]))
    assert span["synth"] > 0.05, span
    assert longest < span["synth"] / 2, (longest, span)
