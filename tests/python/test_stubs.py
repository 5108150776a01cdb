"""The hand-written stub of the native module is true to it (mypy.stubtest),
and the package type-checks with mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import xeploai


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # From an empty directory, so that mypy sees the installed package only.
    return subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_stubtest(tmp_path: Path) -> None:
    r = _run(tmp_path, "mypy.stubtest", "xeploai._xeploai")
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_package_passes_mypy_strict(tmp_path: Path) -> None:
    r = _run(tmp_path, "mypy", "--strict", "--no-incremental", "-p", "xeploai")
    assert r.returncode == 0, r.stdout + r.stderr


def test_py_typed_ships() -> None:
    assert (Path(xeploai.__file__).parent / "py.typed").is_file()
    assert (Path(xeploai.__file__).parent / "_xeploai.pyi").is_file()
