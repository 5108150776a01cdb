#!/usr/bin/env bash
# The ABI overhead benchmark (issue 5): the same work through the C ABI
# (tests/c/bench.c, linked against libxeploai.so) and straight through Rust
# (ffi/src/bin/bench-rust.rs), in one invocation, with the ratio ABI / Rust.
# No JSON in or out: each run is xl_rate + xl_report_free against
# xeploai::run::rate + drop, on a dataset loaded beforehand (not timed).
#
#   bash scripts/bench-ffi.sh                 # the sample, 1,000 ratings a side, 5 rounds
#   bash scripts/bench-ffi.sh --rounds 3 --runs 500
#   bash scripts/bench-ffi.sh --country       # also the synthetic country once a side
#
# The rounds alternate the order (Rust first, then the ABI first). On a
# shared machine the wall time of the loop is noisy; its CPU time (all
# threads) and the fastest single rating are steadier. All are shown. The country needs about 8 GiB per process;
# the two run one after the other under `flock /tmp/xeploai-country.lock`
# so that one machine runs one country-scale job at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
runs=1000
country=0
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --country) country=1; shift ;;
    *) echo "usage: $0 [--rounds N] [--runs N] [--country]" >&2; exit 2 ;;
    esac
done
out=tests/c/build
mkdir -p "$out"
# One cargo invocation builds the library and the Rust side with the same
# core build.
cargo build --release --locked -q -p xeploai-ffi --bin bench-rust
gcc -std=c11 -O2 -Wall -Wextra -Werror -pedantic -Iinclude tests/c/bench.c -o "$out/bench" \
    -Ltarget/release -lxeploai -Wl,-rpath,"$PWD/target/release"
rust=target/release/bench-rust
abi=$out/bench
echo "xeploai $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%FT%TZ)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: >"$out/bench-rust.txt"
: >"$out/bench-abi.txt"
for i in $(seq 1 "$rounds"); do
    if [ $((i % 2)) = 1 ]; then
        "$rust" sample "$runs" | tee -a "$out/bench-rust.txt"
        "$abi" sample "$runs" | tee -a "$out/bench-abi.txt"
    else
        "$abi" sample "$runs" | tee -a "$out/bench-abi.txt"
        "$rust" sample "$runs" | tee -a "$out/bench-rust.txt"
    fi
done
# Columns: 4 the whole loop, 5 the fastest rating, 6 the median rating (s),
# 7 the CPU time of the loop (clock ticks, all threads).
ratio() {
    r=$(awk -v c="$1" '{print $c}' "$out/bench-rust.txt" | median)
    a=$(awk -v c="$1" '{print $c}' "$out/bench-abi.txt" | median)
    awk -v r="$r" -v a="$a" -v what="$2" -v unit="$3" 'BEGIN {
        k = unit == "ticks" ? 1 : 1000
        printf "  %-30s Rust %10.3f %-5s ABI %10.3f %-5s ABI/Rust %.4f (%+.2f %%)\n",
            what, k * r, unit, k * a, unit, a / r, 100 * (a / r - 1) }'
}
echo "sample, $runs ratings a side per round, $rounds rounds (medians over the rounds):"
ratio 4 "loop of $runs ratings, wall" ms
ratio 7 "loop of $runs ratings, CPU" ticks
ratio 5 "fastest rating, wall" ms
ratio 6 "median rating, wall" ms

if [ "$country" = 1 ]; then
    rc=$(flock /tmp/xeploai-country.lock "$rust" country)
    echo "$rc"
    ac=$(flock /tmp/xeploai-country.lock "$abi" country)
    echo "$ac"
    echo "country, one rating:"
    printf '%s\n%s\n' "$rc" "$ac" | awk '
        $1 == "rust" { rw = $4; rt = $7 } $1 == "abi" { aw = $4; at = $7 }
        END {
            printf "  %-30s Rust %10.3f s     ABI %10.3f s     ABI/Rust %.4f (%+.2f %%)\n", "wall", rw, aw, aw / rw, 100 * (aw / rw - 1)
            printf "  %-30s Rust %10d ticks ABI %10d ticks ABI/Rust %.4f (%+.2f %%)\n", "CPU", rt, at, at / rt, 100 * (at / rt - 1)
        }'
fi
