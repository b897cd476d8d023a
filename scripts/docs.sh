#!/usr/bin/env bash
# Build the API reference (HTML) from the public headers and
# docs/embedding.md into build/docs/html; fails if any public declaration
# is undocumented. Needs doxygen (installed by scripts/deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${GAZETTE_BUILD_DIR:-$root/build}}"
out="${2:-$build/docs}"
[ -f "$build/include/gazette/version.hpp" ] || bash "$root/scripts/build.sh"
mkdir -p "$out"
GAZETTE_SOURCE_DIR="$root" GAZETTE_BINARY_DIR="$build" GAZETTE_DOCS_DIR="$out" \
    doxygen "$root/docs/Doxyfile"
echo "API reference: $out/html/index.html"
