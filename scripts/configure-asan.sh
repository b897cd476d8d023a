#!/usr/bin/env bash
# Configures the clang ASan+UBSan build with the libFuzzer targets:
#   scripts/configure-asan.sh [BUILD_DIR]   (default build-asan)
# Shared by scripts/sanitize.sh and scripts/fuzz.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/build-asan}"
# A build directory configured with another compiler is started afresh.
if [ -f "$dir/CMakeCache.txt" ] && ! grep -q "CMAKE_CXX_COMPILER:.*clang++" "$dir/CMakeCache.txt"; then
    rm -rf "$dir"
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGAZETTE_SANITIZE=address,undefined -DGAZETTE_FUZZ=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
