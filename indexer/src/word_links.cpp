#include "word_links.hpp"

#include <algorithm>

#include "indexer_data.hpp"
#include "stemmer.hpp"
#include "text.hpp"

namespace gazette {

namespace {

// Each line of `name` is a pair of words; links their stems both ways.
StemLinkMap load(std::string_view name) {
    StemLinkMap links;
    const Xapian::Stem& stem = stemmer();
    for (const auto& entry : data::entries(data::text_of(data::indexer_files(), name))) {
        auto space = entry.find(' ');
        if (space == std::string::npos) continue;
        std::string a = stem(entry.substr(0, space)), b = stem(entry.substr(space + 1));
        if (a == b) continue;
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
    static const StemLinkMap links = load("words/spelling_variants.txt");
    return links;
}

const StemLinkMap& family_links() {
    static const StemLinkMap links = [] {
        StemLinkMap links = load("words/word_families.txt");
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
