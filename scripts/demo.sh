#!/usr/bin/env bash
# One command from a fresh Debian machine to ranked, highlighted results:
# install missing packages, build, index corpus/ into index/, run a search.
#   scripts/demo.sh [QUERY...]      (default query: CFE treaty suspension)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
build="${GAZETTE_BUILD_DIR:-$root/build}"
"$build/gazette-index" --index "$root/index" "$root/corpus"
echo
if [ $# -eq 0 ]; then set -- "CFE treaty suspension"; fi
"$build/gazette-search" --index "$root/index" "$@"
