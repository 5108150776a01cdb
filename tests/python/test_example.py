"""The analyst's example runs and writes its chart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_district_report_prints_the_communes_and_saves_a_png(tmp_path: Path) -> None:
    out = tmp_path / "levels.png"
    r = subprocess.run(
        [sys.executable, str(ROOT / "python" / "examples" / "district_report.py"), "--out", str(out), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert sum(1 for line in lines if line.strip().startswith(("Xã ", "Phường "))) == 10
    assert "Grounds" in r.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
