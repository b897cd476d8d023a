// Speakers: named people to whom the story attributes a quote or a
// statement ("Rogozin said", "said British MP Jeremy Corbyn", "he told
// AFP" after a named person), resolved to the fullest form of their name
// used in the article, with titles and roles stripped.
#pragma once

#include <string>
#include <vector>

#include "gazette/extractor.hpp"

namespace gazette {

/// One story paragraph and the file line it came from.
struct Paragraph {
    std::string text;
    int line = 0;
};

/// Speakers in order of first attribution, with evidence for each.
std::vector<std::string> find_speakers(const std::vector<Paragraph>& paragraphs,
                                       std::vector<Evidence>& evidence);

}  // namespace gazette
