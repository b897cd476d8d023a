#!/usr/bin/env bash
# Packaging test: install gazette into a temporary prefix, then build and
# run consumers of it (CMake find_package, pkg-config for C++ and C, and
# add_subdirectory). Each must print the seed 002 first for
# "CFE treaty suspension".
#   packaging.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"

expect_002_first() {  # name, output
    local first
    first=$(printf '%s\n' "$2" | grep -m1 '^1\. ' || true)
    if [[ "$first" != *"NATO Resumes Talks With Russia"*"002_585ae4fd7902f67d.txt"* ]]; then
        echo "FAIL $1: first hit is not 002:"; printf '%s\n' "$2"; exit 1
    fi
    echo "ok   $1: $first"
}

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/gazette-index bin/gazette-search include/gazette/searcher.hpp include/gazette/gazette.h \
         include/gazette/index_writer.hpp include/gazette/version.hpp lib/libgazette_searcher.a \
         lib/libgazette_searcher.so lib/libgazette_indexer.a lib/pkgconfig/gazette.pc \
         lib/cmake/gazette/gazette-config.cmake lib/cmake/gazette/gazette-config-version.cmake; do
    [ -e "$prefix/$f" ] || { echo "FAIL install: $f missing"; exit 1; }
done
echo "ok   install: binaries, headers, static and shared libraries, CMake package, gazette.pc"
# Man pages (from --help, by help2man) and bash completion.
for f in bin/gazette-serve share/man/man1/gazette-index.1 share/man/man1/gazette-search.1 share/man/man1/gazette-serve.1 \
         share/bash-completion/completions/gazette-index share/bash-completion/completions/gazette-search; do
    [ -e "$prefix/$f" ] || { echo "FAIL install: $f missing"; exit 1; }
done
grep -qF -- '\-\-files' "$prefix/share/man/man1/gazette-search.1" || { echo "FAIL man: no --files"; exit 1; }
grep -q '^\.SH SYNOPSIS' "$prefix/share/man/man1/gazette-search.1" || { echo "FAIL man: no synopsis"; exit 1; }
completions=$(PATH="$prefix/bin:$PATH" bash -c '
    source "$1/share/bash-completion/completions/gazette-search"
    COMP_WORDS=(gazette-search --fi); COMP_CWORD=1; _gazette; echo "${COMPREPLY[*]}"
    COMP_WORDS=(gazette-search --sort ""); COMP_CWORD=2; _gazette; echo "${COMPREPLY[*]}"
    COMP_WORDS=(gazette-index --jo); COMP_CWORD=1; _gazette; echo "${COMPREPLY[*]}"' _ "$prefix")
[ "$completions" = $'--files\nrelevance date\n--jobs' ] ||
    { echo "FAIL completion: got $completions"; exit 1; }
echo "ok   man pages and bash completion installed; completion lists options from --help"
# Only the API is exported from the shared library.
if nm -D --defined-only "$prefix/lib/libgazette_searcher.so" | grep -q 'make_snippet\|build_query'; then
    echo "FAIL visibility: internal symbols exported"; exit 1
fi
echo "ok   visibility: internal symbols hidden"

"$prefix/bin/gazette-index" -q --index "$work/index" "$src/corpus"

# 1. find_package(gazette CONFIG)
cmake -S "$src/examples/consumer" -B "$work/find-package" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/find-package" >/dev/null
expect_002_first "find_package consumer" "$("$work/find-package/gazette-consumer" "$work/index")"

# 2. pkg-config, C++ and C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion gazette)" = "$(grep -m1 'project(gazette VERSION' "$src/CMakeLists.txt" | sed 's/.*VERSION \([0-9.]*\).*/\1/')" ] ||
    { echo "FAIL pkg-config: version"; exit 1; }
# shellcheck disable=SC2046
c++ -std=c++20 "$src/examples/embed.cpp" -o "$work/pc-cxx" $(pkg-config --cflags --libs gazette) \
    -Wl,-rpath,"$prefix/lib"
expect_002_first "pkg-config C++ consumer" "$("$work/pc-cxx" "$work/index")"
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra "$src/examples/embed.c" -o "$work/pc-c" $(pkg-config --cflags --libs gazette) \
    -Wl,-rpath,"$prefix/lib"
expect_002_first "pkg-config C consumer" "$("$work/pc-c" "$work/index")"

# 2b. The complete program in docs/embedding.md, as printed there.
awk '/^<!-- This program is compiled/ {f = 1; next}
     f && /^```cpp/ {g = 1; next}
     g && /^```/ {exit}
     g' "$src/docs/embedding.md" >"$work/search-app.cpp"
[ -s "$work/search-app.cpp" ] || { echo "FAIL docs: no program found in docs/embedding.md"; exit 1; }
# shellcheck disable=SC2046
c++ -std=c++20 -Wall -Wextra -Werror "$work/search-app.cpp" -o "$work/search-app" \
    $(pkg-config --cflags --libs gazette) -Wl,-rpath,"$prefix/lib"
out=$("$work/search-app" "$work/index")
expect_002_first "docs/embedding.md program" "$out"
for want in "[CFE] [treaty]" "expatica 2009: 2009-03-05 NATO set to green-light formal ties with Russia" \
            "5 articles"; do
    [[ "$out" == *"$want"* ]] || { echo "FAIL docs program: no \"$want\" in:"; printf '%s\n' "$out"; exit 1; }
done

# 2c. The indexing program in docs/embedding.md, built with the CMake package
# (gazette::indexer is static and brings its link dependencies).
mkdir -p "$work/index-app"
awk '/^<!-- This indexing program is compiled/ {f = 1; next}
     f && /^```cpp/ {g = 1; next}
     g && /^```/ {exit}
     g' "$src/docs/embedding.md" >"$work/index-app/index-app.cpp"
[ -s "$work/index-app/index-app.cpp" ] || { echo "FAIL docs: no indexing program in docs/embedding.md"; exit 1; }
cat >"$work/index-app/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(index_app LANGUAGES CXX)
find_package(gazette 0.1 CONFIG REQUIRED)
add_executable(index-app index-app.cpp)
target_compile_options(index-app PRIVATE -Wall -Wextra -Werror)
target_link_libraries(index-app PRIVATE gazette::indexer gazette::searcher)
CMAKE
cmake -S "$work/index-app" -B "$work/index-app/build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/index-app/build" >/dev/null
cp -r "$src/corpus" "$work/app-corpus"
first=$("$work/index-app/build/index-app" "$work/app-index" "$work/app-corpus")
second=$("$work/index-app/build/index-app" "$work/app-index" "$work/app-corpus")
for want in "5 added, 0 unchanged, 0 removed; 6 documents" "notes/cfe-1 | Notes on the CFE treaty" \
            "app-corpus/002_585ae4fd7902f67d.txt"; do
    [[ "$first" == *"$want"* ]] || { echo "FAIL indexing program: no \"$want\" in:"; printf '%s\n' "$first"; exit 1; }
done
[[ "$second" == *"0 added, 5 unchanged, 0 removed; 6 documents"* ]] ||
    { echo "FAIL indexing program, second run:"; printf '%s\n' "$second"; exit 1; }
[[ "$first$second" != *"notes/draft"* ]] || { echo "FAIL indexing program: the removed draft is found"; exit 1; }
echo "ok   docs/embedding.md indexing program: $(printf '%s' "$first" | head -1)"

# 3. add_subdirectory(gazette)
cmake -S "$src/examples/consumer-subdir" -B "$work/subdir" -DGAZETTE_SOURCE_DIR="$src" >/dev/null
cmake --build "$work/subdir" -j"$(nproc)" >/dev/null
expect_002_first "add_subdirectory consumer" "$("$work/subdir/gazette-consumer" "$work/index")"
