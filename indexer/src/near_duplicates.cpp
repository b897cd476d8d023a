#include "near_duplicates.hpp"

#include <fmt/format.h>

#include <limits>

#include "hash.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace gazette {

namespace {

constexpr std::size_t shingle_words = 4;

// The i-th hash function over a shingle's 64-bit hash (a multiply-xorshift
// mix with a per-function odd constant).
std::uint32_t mix(std::uint64_t h, std::size_t i) {
    std::uint64_t x = h ^ (0x9e3779b97f4a7c15ULL * (i + 1));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return static_cast<std::uint32_t>(x);
}

}  // namespace

Signature minhash(std::string_view body) {
    return minhash(text::tokenize(body));
}

Signature minhash(const std::vector<text::Token>& words) {
    if (words.size() < min_copy_words) return {};
    Signature sig(minhash_size, std::numeric_limits<std::uint32_t>::max());
    std::string shingle;
    for (std::size_t i = 0; i + shingle_words <= words.size(); ++i) {
        shingle.clear();
        for (std::size_t k = 0; k < shingle_words; ++k) {
            shingle += words[i + k].lower;
            shingle += ' ';
        }
        std::uint64_t h = hash64(shingle);
        for (std::size_t f = 0; f < minhash_size; ++f) sig[f] = std::min(sig[f], mix(h, f));
    }
    return sig;
}

std::vector<std::string> band_terms(const Signature& sig) {
    std::vector<std::string> out;
    if (sig.size() != minhash_size) return out;
    const std::size_t rows = minhash_size / minhash_bands;
    for (std::size_t band = 0; band < minhash_bands; ++band) {
        std::string bytes;
        for (std::size_t r = 0; r < rows; ++r) {
            auto v = sig[band * rows + r];
            bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        }
        out.push_back(
            fmt::format("{}{:02d}{:016x}", schema::prefix::copy_band, band, hash64(bytes)));
    }
    return out;
}

double similarity(const Signature& a, const Signature& b) {
    if (a.size() != b.size() || a.empty()) return 0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
    return static_cast<double>(same) / static_cast<double>(a.size());
}

std::string encode_signature(const Signature& sig) {
    std::string out;
    out.reserve(sig.size() * 4);
    for (auto v : sig)
        for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
    return out;
}

Signature decode_signature(std::string_view bytes) {
    if (bytes.size() != minhash_size * 4) return {};
    Signature sig(minhash_size);
    for (std::size_t i = 0; i < minhash_size; ++i) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k)
            v = (v << 8) | static_cast<unsigned char>(bytes[i * 4 + k]);
        sig[i] = v;
    }
    return sig;
}

}  // namespace gazette
