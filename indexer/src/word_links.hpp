// Links between stems that the searcher widens a query word along: other
// spellings (SCOWL: defence/defense) and derivational relatives (WordNet:
// suspension/suspend), from the embedded lists indexer/data/words/
// spelling_variants.txt and word_families.txt (scripts/gen_word_families.py).
// The index writer records the links between stems its collection holds in
// the index's synonym table (schema.hpp, namespace synonym).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

/// stem -> linked stems (both directions; a word's own stem never).
using StemLinkMap = std::unordered_map<std::string, std::vector<std::string>>;

/// Other spellings' stems ("defenc" -> "defens"). Built once, thread-safe.
const StemLinkMap& spelling_links();

/// Derivational relatives' stems ("suspens" -> "suspend"). Built once,
/// thread-safe. Spellings of one word are not relatives, and a stem that
/// words of unrelated families share ("intern": intern, internal,
/// international) links nothing.
const StemLinkMap& family_links();

}  // namespace gazette
