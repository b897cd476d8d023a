// Near-duplicate articles (one wire story on several sites, a republished
// piece): MinHash signatures of the body's word shingles, banded so that
// similar articles share an index term (locality-sensitive hashing). The
// index writer puts each article in the copy group of its most similar
// earlier article (or a group of its own), and the searcher collapses a
// group to its best hit (schema.hpp: copy group slot).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace gazette {

/// Values in a signature; the estimate of similarity is the share of equal
/// values.
inline constexpr std::size_t minhash_size = 64;
/// Bands of minhash_size / bands values; articles sharing a band are
/// compared. 16 bands of 4: a pair with 80% of shingles in common shares
/// one with probability 0.9995; with 30%, 0.12.
inline constexpr std::size_t minhash_bands = 16;
/// Estimated share of shingles in common from which two articles are copies.
inline constexpr double copy_similarity = 0.8;
/// Shorter bodies (in words) get no signature: short notes are too alike.
inline constexpr std::size_t min_copy_words = 40;

using Signature = std::vector<std::uint32_t>;

/// The signature of a body from its words (text::tokenize; lower-cased
/// 4-word shingles); empty when it has fewer than min_copy_words.
Signature minhash(const std::vector<text::Token>& words);
/// The same from the body's text.
Signature minhash(std::string_view body);

/// One term per band ("XB" prefix, schema.hpp).
std::vector<std::string> band_terms(const Signature& signature);

/// Share of equal values (0 when the sizes differ).
double similarity(const Signature& a, const Signature& b);

/// Bytes for a value slot, and back (empty when malformed).
std::string encode_signature(const Signature& signature);
Signature decode_signature(std::string_view bytes);

}  // namespace gazette
