// User synonyms files (gazette-index --synonyms FILE): one group of words
// or phrases that mean the same per line, separated by commas:
//
//   # comment
//   UN, United Nations, U.N.
//   Kyiv, Kiev
//
// A query for one also finds the others, weighted below the words typed
// (IndexWriter::add_synonyms).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// The groups of `text` (read from `name`, for messages): blank lines and
/// lines starting with '#' skipped, entries trimmed.
/// @throws Error invalid_input naming the file and line: a line with fewer
/// than two entries, an empty entry, an entry with no word, invalid UTF-8.
std::vector<std::vector<std::string>> parse_synonyms(std::string_view text,
                                                     const std::string& name);

/// parse_synonyms over the file at `path`. @throws Error io when unreadable.
std::vector<std::vector<std::string>> read_synonyms_file(const std::string& path);

}  // namespace gazette
