#!/usr/bin/env bash
# The Python part of the test command (scripts/test.sh calls it).
#
# Creates a virtual environment (target/venv-python, git-ignored; reused when
# it exists), installs the pinned tools of python/requirements-dev.txt, builds
# and installs the package as a user would (`pip install ./python`, a release
# build of the extension), then runs the Python suite (tests/python: pytest
# with hypothesis, the conformance cases, mypy.stubtest and mypy --strict)
# and type-checks the example and the benchmark.
#
# Needs python3 (3.11 or later) with venv and pip, and the Rust toolchain.
# XEPLOAI_PYTHON names another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${XEPLOAI_PYTHON:-python3}"
VENV=target/venv-python

echo "== Python: virtual environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
# The venv's tools (maturin for the build backend) come first on PATH.
export PATH="$PWD/$VENV/bin:$PATH"
"$VENV/bin/python" --version
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r python/requirements-dev.txt

echo "== Python: build and install the package (pip install ./python)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-build-isolation --force-reinstall --no-deps ./python
(cd /tmp && "$OLDPWD/$VENV/bin/python" -c "import xeploai; print('xeploai', xeploai.__version__)")

echo "== Python: tests (tests/python)"
(cd tests/python && "../../$VENV/bin/python" -m pytest -q)

echo "== Python: type-check the example and the benchmark"
"$VENV/bin/python" -m mypy --no-incremental --strict python/examples/district_report.py python/benches/country.py
