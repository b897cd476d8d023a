#include "stemmer.hpp"

#include <array>
#include <string>
#include <unordered_map>

#include "schema.hpp"

namespace gazette {

namespace {

/// What may follow the "ab"/"ib" of an -able/-ible word; each is replaced
/// by "l" to reach the "abl"/"ibl" stem. No word ends in two of them.
constexpr std::array<std::string_view, 5> able_tails{
    "ilities",  // capabilities
    "ility",    // accessibility, stability
    "les",      // tables, variables
    "le",       // accessible, table
    "ly",       // considerably, possibly
};

/// Shortest stem kept whole: "able", "ability" and "abilities" fall back to
/// Snowball, which already leaves their family together.
constexpr std::size_t min_able_stem = 4;

/// The "abl"/"ibl" stem of an -able/-ible word, or empty when `word` is not
/// one.
std::string able_stem(std::string_view word) {
    for (std::string_view tail : able_tails) {
        if (!word.ends_with(tail)) continue;
        std::string stem(word.substr(0, word.size() - tail.size()));
        stem += 'l';
        if (stem.size() >= min_able_stem && (stem.ends_with("abl") || stem.ends_with("ibl")))
            return stem;
        return {};
    }
    return {};
}

class GazetteStem : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override {
        // Xapian's term generator stems every occurrence of a word; most
        // are of a few thousand words. Remembered per stemmer (one per
        // thread), up to a bound, then started afresh.
        if (auto hit = cache_.find(word); hit != cache_.end()) return hit->second;
        std::string stem = stem_of(word);
        if (cache_.size() >= max_cached) cache_.clear();
        cache_.emplace(word, stem);
        return stem;
    }
    std::string get_description() const override {
        return std::string("gazette(") + std::string(schema::stem_language) + ")";
    }

  private:
    static constexpr std::size_t max_cached = std::size_t{1} << 15;

    std::string stem_of(const std::string& word) {
        // A possessive is looked at as the bare word, as Snowball does.
        std::string_view bare = word;
        if (bare.ends_with("'s"))
            bare.remove_suffix(2);
        else if (bare.ends_with("'"))
            bare.remove_suffix(1);
        std::string stem = able_stem(bare);
        return stem.empty() ? snowball_(word) : stem;
    }

    Xapian::Stem snowball_{std::string(schema::stem_language)};
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

const Xapian::Stem& stemmer() {
    // One per thread: a Stem's reference count is not atomic, and Snowball
    // keeps per-stemmer state.
    thread_local const Xapian::Stem stem{new GazetteStem};
    return stem;
}

}  // namespace gazette
