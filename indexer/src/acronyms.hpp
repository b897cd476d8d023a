// Acronyms and their long forms, mined from one article's text:
// "Conventional Forces in Europe" beside "CFE", "NATO-Russia Council (NRC)".
// The index writer keeps them as aliases in the synonym table (schema.hpp),
// so a query for either finds both.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text.hpp"

namespace gazette {

/// (acronym, long form), both lower-case, words separated by one space:
/// ("cfe", "conventional forces in europe").
using AcronymPair = std::pair<std::string, std::string>;

/// The acronyms of `text` whose long form the same text spells out: a run
/// of capitalised words (joined maybe by of, in, for, and, on, the, to, de)
/// whose initials are an all-capitals word of 3 to 8 letters found in the
/// text, or of 2 letters when the acronym follows the long form in
/// brackets. Texts mostly in capitals (telegrams, TIME's 1963 archive) give
/// none: every word there looks like an acronym.
std::vector<AcronymPair> find_acronyms(std::string_view text);
/// The same, given the text's words (text::tokenize(text)).
std::vector<AcronymPair> find_acronyms(std::string_view text,
                                       const std::vector<text::Token>& tokens);

}  // namespace gazette
