#include "word_links.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "indexer_data.hpp"
#include "stemmer.hpp"
#include "text.hpp"

namespace gazette {

namespace {

using WordPairs = std::vector<std::pair<std::string, std::string>>;

// Each line of `name` is a pair of words.
WordPairs pairs_of(std::string_view name) {
    WordPairs pairs;
    for (const auto& entry : data::entries(data::text_of(data::indexer_files(), name))) {
        auto space = entry.find(' ');
        if (space != std::string::npos)
            pairs.emplace_back(entry.substr(0, space), entry.substr(space + 1));
    }
    return pairs;
}

// Stems that words of unrelated families share: Snowball gives "intern"
// for intern, internal and international, whose relatives (internee;
// internalize; internationalist) are not each other's. Families are the
// groups of words the pairs connect.
std::unordered_set<std::string> shared_stems(const WordPairs& pairs) {
    std::unordered_map<std::string, std::size_t> word_id;
    std::vector<std::size_t> parent;
    auto id = [&](const std::string& w) {
        auto [it, added] = word_id.emplace(w, parent.size());
        if (added) parent.push_back(parent.size());
        return it->second;
    };
    auto root = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& [a, b] : pairs) {
        auto x = root(id(a)), y = root(id(b));
        if (x != y) parent[x] = y;
    }
    const Xapian::Stem& stem = stemmer();
    std::unordered_map<std::string, std::size_t> family_of;
    std::unordered_set<std::string> shared;
    for (const auto& [word, i] : word_id) {
        auto [it, added] = family_of.emplace(stem(word), root(i));
        if (!added && it->second != root(i)) shared.insert(it->first);
    }
    return shared;
}

// Links the stems of each pair both ways; none for a stem in `skip`.
StemLinkMap link_stems(const WordPairs& pairs, const std::unordered_set<std::string>& skip = {}) {
    StemLinkMap links;
    const Xapian::Stem& stem = stemmer();
    for (const auto& [word_a, word_b] : pairs) {
        std::string a = stem(word_a), b = stem(word_b);
        if (a == b || skip.count(a) || skip.count(b)) continue;
        links[a].push_back(b);
        links[b].push_back(a);
    }
    for (auto& [key, values] : links) {
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
    }
    return links;
}

}  // namespace

const StemLinkMap& spelling_links() {
    static const StemLinkMap links = link_stems(pairs_of("words/spelling_variants.txt"));
    return links;
}

const StemLinkMap& family_links() {
    static const StemLinkMap links = [] {
        const WordPairs pairs = pairs_of("words/word_families.txt");
        StemLinkMap links = link_stems(pairs, shared_stems(pairs));
        // "defence" and "defense" are one word, not relatives.
        const auto& spellings = spelling_links();
        for (auto& [key, values] : links) {
            auto s = spellings.find(key);
            if (s == spellings.end()) continue;
            std::erase_if(values, [&](const std::string& v) {
                return std::find(s->second.begin(), s->second.end(), v) != s->second.end();
            });
        }
        return links;
    }();
    return links;
}

}  // namespace gazette
