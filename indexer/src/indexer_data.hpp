// The indexer's built-in data files (indexer/data/: the outlet registry and
// word lists), embedded by CMake.
#pragma once

#include <span>

#include "data.hpp"

namespace gazette::data {

/// The files of indexer/data/ (generated: build/generated/indexer_data.cpp).
std::span<const File> indexer_files();

/// The word list indexer/data/`name` as a set.
inline WordSet indexer_words(std::string_view name) {
    return word_set(indexer_files(), name);
}

}  // namespace gazette::data
