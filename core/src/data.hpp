// Data files compiled into gazette's libraries (word lists, stop lists, the
// outlet registry): the files live under core/data/ and indexer/data/, one
// entry per line, and CMake embeds them (cmake/GazetteData.cmake), so no
// list is written in C++.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace gazette::data {

/// One embedded file: its name relative to its data folder
/// ("words/role_words.txt") and its text.
struct File {
    std::string_view name;
    std::string_view text;
};

/// The files of core/data/ (generated: build/generated/core_data.cpp).
std::span<const File> core_files();

/// The text of embedded file `name` among `files`.
/// @throws Error internal when there is none (a build error).
std::string_view text_of(std::span<const File> files, std::string_view name);

/// The entries of a word list: one per line, trimmed, blank lines and lines
/// starting with '#' skipped; an entry in double quotes keeps its spaces.
std::vector<std::string> entries(std::string_view text);

/// Entries that occur more than once (a test keeps every list free of them).
std::vector<std::string> duplicates(std::string_view text);

/// Hashing for WordSet that takes strings and string views alike.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};
/// A word list for lookups (heterogeneous: find(std::string_view) works);
/// hashed, as extraction looks up every word of every paragraph.
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
/// The entries of `name` among `files` as a set.
WordSet word_set(std::span<const File> files, std::string_view name);

}  // namespace gazette::data
