#!/usr/bin/env bash
# Runs every test of the project. This is the README's test command and what
# CI runs (.ci/run). It needs the Rust toolchain; for the C part gcc and
# valgrind (.ci/run installs valgrind when it is missing); for the Python part
# python3 (3.11 or later) with venv and pip (packages come from PyPI).
#
#   formatting      cargo fmt --check
#   lints           cargo clippy -D warnings (all targets)
#   Rust tests      unit, integration, property (proptest), example and doc
#                   tests; the header staleness test of include/xeploai.h
#   C tests         scripts/test-c.sh: the C ABI from C (tests/c/test.c plainly,
#                   under valgrind and with ASan + UBSan; examples/rate.c)
#   Python          scripts/test-python.sh: a virtual environment, the package
#                   built and installed, pytest (tests/python), stubtest, mypy
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== formatting"
cargo fmt --all --check

echo "== lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== Rust tests"
cargo test --workspace --locked

echo "== C tests (scripts/test-c.sh)"
bash scripts/test-c.sh

# ---------------------------------------------------------------------------
# Python (the package in python/): its own script, run after the C tests.
bash scripts/test-python.sh
