#include "acronyms.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "text.hpp"

namespace gazette {

namespace {

constexpr std::size_t min_letters = 3;     // without brackets
constexpr std::size_t max_letters = 8;     // longest acronym
constexpr std::size_t max_run_words = 12;  // longest long form looked at
constexpr double max_caps_share = 0.3;     // more: a text in capitals

// Small words a long form may hold without giving a letter.
constexpr std::array<std::string_view, 13> joiners = {"of", "in", "for", "and", "on",  "the", "to",
                                                      "de", "du", "des", "la",  "del", "der"};

bool is_joiner(std::string_view w) {
    return std::find(joiners.begin(), joiners.end(), w) != joiners.end();
}

bool all_caps(std::string_view w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool capitalised(std::string_view w) {
    return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
}

// Only spaces or one hyphen between two words of a name ("NATO-Russia").
bool joined(std::string_view gap) {
    return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '-'; }) &&
           std::count(gap.begin(), gap.end(), '-') <= 1;
}

}  // namespace

std::vector<AcronymPair> find_acronyms(std::string_view text) {
    return find_acronyms(text, text::tokenize(text));
}

std::vector<AcronymPair> find_acronyms(std::string_view text,
                                       const std::vector<text::Token>& tokens) {
    auto raw = [&](std::size_t i) {
        return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    };
    // Acronyms of the text; two-letter ones only in brackets.
    std::set<std::string> acronyms;
    std::size_t caps = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto w = raw(i);
        if (!all_caps(w) || w.size() < 2) continue;
        ++caps;
        if (w.size() > max_letters) continue;
        bool bracketed = tokens[i].begin > 0 && text[tokens[i].begin - 1] == '(';
        if (w.size() >= min_letters || bracketed) acronyms.insert(std::string(w));
    }
    if (acronyms.empty() || caps > max_caps_share * static_cast<double>(tokens.size())) return {};

    std::vector<AcronymPair> out;
    std::set<AcronymPair> seen;
    // Runs of capitalised words, joiners allowed inside.
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (!capitalised(raw(i))) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < tokens.size() && j - i < max_run_words &&
               joined(text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end)) &&
               (capitalised(raw(j)) || is_joiner(raw(j))))
            ++j;
        // [i, j): every span starting and ending on a capitalised word.
        for (std::size_t a = i; a < j; ++a) {
            if (!capitalised(raw(a))) continue;
            std::string initials, words;
            for (std::size_t b = a; b < j; ++b) {
                auto w = raw(b);
                if (!words.empty()) words += ' ';
                words += tokens[b].lower;
                if (!capitalised(w)) continue;
                initials += w[0];
                if (initials.size() > max_letters) break;
                if (b == a || !acronyms.count(initials)) continue;
                // Not the acronym spelt inside its own long form.
                bool inside = false;
                for (std::size_t k = a; k <= b; ++k) inside |= raw(k) == initials;
                if (inside) continue;
                AcronymPair pair{text::lower(initials), words};
                if (seen.insert(pair).second) out.push_back(std::move(pair));
            }
        }
        i = j;
    }
    return out;
}

}  // namespace gazette
