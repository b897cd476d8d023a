#include "hash.hpp"

// Header-only use (XXH_INLINE_ALL): nothing extra for consumers to link.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <new>
#include <string>

namespace gazette {

std::uint64_t hash64(std::string_view data, std::uint64_t seed) noexcept {
    return XXH3_64bits_withSeed(data.data(), data.size(), seed);
}

Hasher::Hasher() : state_(XXH3_createState()) {
    if (!state_) throw std::bad_alloc();
    XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_));
}

Hasher::~Hasher() {
    XXH3_freeState(static_cast<XXH3_state_t*>(state_));
}

Hasher& Hasher::add(std::string_view data) noexcept {
    XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), data.data(), data.size());
    return *this;
}

Hasher& Hasher::add_field(std::string_view data) noexcept {
    std::string length = std::to_string(data.size()) + ':';
    add(length);
    return add(data);
}

std::uint64_t Hasher::digest() const noexcept {
    return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_));
}

}  // namespace gazette
