#!/usr/bin/env bash
# The C side of the tests (issue 5: the C ABI), called by scripts/test.sh.
# Needs gcc and valgrind (.ci/run installs valgrind when it is missing).
#
#   library     cargo builds libxeploai.so and libxeploai.a (release) and prints
#               the native libraries a static link needs
#   symbols     `nm -D` of the shared library shows only xl_ symbols
#   header      include/xeploai.h compiles as C11 and as C++ (extern "C" guards)
#   test        tests/c/test.c against the shared library, compiled with
#               -std=c11 -Wall -Wextra -Werror -pedantic, then run
#   valgrind    the same binary under memcheck: no error, no definite or
#               indirect leak (see docs/c-api.md for what is still reachable)
#   sanitizers  tests/c/test.c with -fsanitize=address,undefined (LeakSanitizer
#               included) against the static library, then run
#   example     examples/rate.c built with the README's one-line cc command
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=tests/c/build
mkdir -p "$out"
CC=${CC:-gcc}
CXX=${CXX:-g++}
CFLAGS=(-std=c11 -Wall -Wextra -Werror -pedantic -Iinclude)

echo "== C: library (release)"
# `cargo rustc` builds both crate types and prints the native libraries the
# static library needs (never hard-coded: they differ between platforms).
log=$(cargo rustc --release --locked -p xeploai-ffi --lib -- --print native-static-libs 2>&1) || {
    echo "$log"
    exit 1
}
static_libs=$(echo "$log" | sed -n 's/.*native-static-libs: //p' | tail -n 1)
if [ -z "$static_libs" ]; then
    echo "$log"
    echo "cargo did not print the native-static-libs" >&2
    exit 1
fi
echo "native-static-libs: $static_libs"
lib=target/release

echo "== C: exported symbols"
if ! command -v nm >/dev/null; then
    echo "nm (binutils) is missing" >&2
    exit 1
fi
symbols=$(nm -D --defined-only "$lib/libxeploai.so" | awk '{print $3}')
others=$(echo "$symbols" | grep -v '^xl_' || true)
if [ -n "$others" ]; then
    echo "libxeploai.so exports symbols without the xl_ prefix:" >&2
    echo "$others" >&2
    exit 1
fi
echo "$(echo "$symbols" | wc -l) symbols, all xl_"

echo "== C: header as C11 and C++"
echo '#include "xeploai.h"' | "$CC" "${CFLAGS[@]}" -x c -fsyntax-only -
if command -v "$CXX" >/dev/null; then
    printf '#include "xeploai.h"\nint main() { xl_level l = XL_LEVEL_GOOD; return xl_version() && l ? 0 : 1; }\n' |
        "$CXX" -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude -x c++ -fsyntax-only -
    echo "C++ (extern \"C\" guards): ok"
else
    echo "C++: skipped ($CXX not installed)"
fi

echo "== C: test (shared library)"
"$CC" "${CFLAGS[@]}" -g tests/c/test.c -o "$out/test" -L"$lib" -lxeploai \
    -Wl,-rpath,"$root/$lib" -pthread
"$out/test" "$root"

echo "== C: test under valgrind"
if ! command -v valgrind >/dev/null; then
    echo "valgrind is missing: apt-get install -y valgrind (.ci/run does it)" >&2
    exit 1
fi
valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test" "$root"

echo "== C: test with AddressSanitizer + UndefinedBehaviorSanitizer (static library)"
# The Rust code is not instrumented; ASan still checks every C access and every
# allocation (Rust's allocations go through the intercepted malloc), UBSan the
# C side, and LeakSanitizer every leak at exit.
# shellcheck disable=SC2086 # the library list is split into words on purpose
"$CC" "${CFLAGS[@]}" -g -fsanitize=address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer tests/c/test.c -o "$out/test-asan" "$lib/libxeploai.a" \
    $static_libs -pthread
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$out/test-asan" "$root"

echo "== C: examples/rate.c (the README's cc line)"
cc -std=c11 -Iinclude examples/rate.c -Ltarget/release -lxeploai -Wl,-rpath,target/release -o "$out/rate"
"$out/rate" >"$out/rate.txt"
grep -q "under qd366-2025" "$out/rate.txt"
grep -q "Căn cứ" "$out/rate.txt"
head -n 4 "$out/rate.txt"
