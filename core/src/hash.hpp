// Content hashing for fingerprints and long terms: XXH3 (Debian's
// libxxhash), fast enough to hash every file of a collection on each run.
#pragma once

#include <cstdint>
#include <string_view>

namespace gazette {

/// 64-bit XXH3 hash of `data`.
[[nodiscard]] std::uint64_t hash64(std::string_view data, std::uint64_t seed = 0) noexcept;

/// Incremental XXH3 over several pieces (the same result as hash64 over
/// their concatenation, for settings built from several sources).
class Hasher {
  public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;
    /// Adds `data`; returns *this.
    Hasher& add(std::string_view data) noexcept;
    /// Adds a length-prefixed piece, so ("ab","c") and ("a","bc") differ.
    Hasher& add_field(std::string_view data) noexcept;
    /// The hash of everything added so far.
    [[nodiscard]] std::uint64_t digest() const noexcept;

  private:
    void* state_;
};

}  // namespace gazette
