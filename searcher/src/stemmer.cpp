#include "stemmer.hpp"

#include <array>

#include "gazette/schema.hpp"

namespace gazette {

namespace {

/// Endings that may follow "abl"/"ibl", and whether the "il" of -ility
/// must be dropped first.
struct AbleEnding {
    std::string_view tail;
    bool ility;
};
constexpr std::array<AbleEnding, 5> able_endings{{
    {"e", false},     // accessible, table
    {"es", false},    // tables, variables
    {"y", false},     // considerably, possibly
    {"ity", true},    // accessibility, stability
    {"ities", true},  // capabilities
}};

/// Shortest stem kept whole: "able", "ability" and "abilities" fall back to
/// Snowball, which already leaves their family together.
constexpr std::size_t min_able_stem = 4;

/// The "abl"/"ibl" stem of an -able/-ible word, or empty when `word` is not
/// one.
std::string able_stem(std::string_view word) {
    for (const auto& e : able_endings) {
        if (word.size() <= e.tail.size() || !word.ends_with(e.tail)) continue;
        std::string_view head = word.substr(0, word.size() - e.tail.size());
        if (e.ility) {
            // "accessibil" + "ity" -> "accessibl"
            if (!head.ends_with("abil") && !head.ends_with("ibil")) continue;
            head.remove_suffix(2);
            std::string stem(head);
            stem += 'l';
            if (stem.size() >= min_able_stem) return stem;
            continue;
        }
        if (head.size() >= min_able_stem && (head.ends_with("abl") || head.ends_with("ibl")))
            return std::string(head);
    }
    return {};
}

class GazetteStem : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override { return stem_word(word); }
    std::string get_description() const override {
        return std::string("gazette(") + std::string(schema::stem_language) + ")";
    }
};

}  // namespace

std::string stem_word(std::string_view word) {
    thread_local const Xapian::Stem snowball{std::string(schema::stem_language)};
    // A possessive is stemmed as the bare word, as Snowball does itself.
    std::string_view bare = word;
    if (bare.ends_with("'s"))
        bare.remove_suffix(2);
    else if (bare.ends_with("'"))
        bare.remove_suffix(1);
    std::string stem = able_stem(bare);
    return stem.empty() ? snowball(std::string(word)) : stem;
}

const Xapian::Stem& stemmer() {
    // One per thread: a Stem's reference count is not atomic.
    thread_local const Xapian::Stem stem{new GazetteStem};
    return stem;
}

}  // namespace gazette
