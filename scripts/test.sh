#!/usr/bin/env bash
# Runs every test of the project. This is the README's test command and what
# CI runs (.ci/run). It needs only the Rust toolchain.
#
#   formatting      cargo fmt --check
#   lints           cargo clippy -D warnings (all targets)
#   Rust tests      unit, integration, property (proptest), example and doc tests
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== formatting"
cargo fmt --all --check

echo "== lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== Rust tests"
cargo test --workspace --locked
